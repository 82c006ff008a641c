namespace Inventory.Core.Adjustments;

/// <summary>
/// Adjustments counted and their units summed under one key (a reason, an operator, a SKU, a root cause).
/// </summary>
/// <param name="Key">The key.</param>
/// <param name="Count">The adjustments.</param>
/// <param name="NetUnits">Their signed units summed.</param>
/// <remarks>This type is immutable and safe to share between threads.</remarks>
public sealed record Tally(string Key, int Count, long NetUnits);
