using NodaTime;

namespace Inventory.Cli.Replay;

/// <summary>
/// A clock the replay moves to each row's invoice date, so a cart is reserved, committed and fulfilled at one
/// instant and its holds cannot expire mid-replay, however long the replay itself takes.
/// </summary>
internal sealed class ReplayClock : IClock
{
    public Instant Now { get; set; }

    public Instant GetCurrentInstant() => Now;
}
