using NodaTime;

namespace Inventory.Core.Specification;

/// <summary>A clock the kit moves by hand, so expiry scenarios run without waiting.</summary>
/// <remarks>Thread-safe: the instant is read and written atomically.</remarks>
internal sealed class SpecificationClock(Instant start) : IClock
{
    private long _ticks = start.ToUnixTimeTicks();

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));

    public void Advance(Duration by) => Interlocked.Add(ref _ticks, by.BclCompatibleTicks);
}
