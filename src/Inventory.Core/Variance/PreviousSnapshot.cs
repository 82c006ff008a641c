using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>
/// The two systems' counts at the previous reconciliation, the start of the event window: with them a count change
/// that no event explains can be told apart from other drift.
/// </summary>
/// <param name="AsOf">
/// The instant the previous snapshots were taken; only events after it are read against them.
/// </param>
/// <param name="Channel">The previous channel snapshot.</param>
/// <param name="Warehouse">The previous warehouse snapshot.</param>
/// <remarks>Instances are immutable when their lists are; safe to share between threads then.</remarks>
public sealed record PreviousSnapshot(
    Instant AsOf,
    IReadOnlyList<ChannelSnapshotRow> Channel,
    IReadOnlyList<WarehouseSnapshotRow> Warehouse);
