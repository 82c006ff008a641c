using NodaTime;

namespace Inventory.Core.Specification;

/// <summary>A clock the kit moves by hand, to the nanosecond, so expiry scenarios run without waiting.</summary>
/// <remarks>Thread-safe: the instant is read and written under a lock.</remarks>
internal sealed class SpecificationClock(Instant start) : IClock
{
    private readonly Lock _gate = new();
    private Instant _now = start;

    public Instant GetCurrentInstant()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(Duration by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
