namespace Inventory.Core.Returns;

/// <summary>A group of units of one return line that arrived in one condition.</summary>
/// <param name="Condition">The condition of the units.</param>
/// <param name="Quantity">Units in the group; positive.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record ReturnReceipt(ReturnCondition Condition, long Quantity);
