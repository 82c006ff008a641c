namespace Inventory.Core.Variance;

/// <summary>An event with the position its log gave it (see <see cref="IPositionedVarianceEventLog"/>).</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
/// <param name="Position">The event's position in its log.</param>
/// <param name="Event">The event.</param>
public readonly record struct PositionedEvent(long Position, VarianceEvent Event);
