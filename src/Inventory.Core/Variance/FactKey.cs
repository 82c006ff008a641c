namespace Inventory.Core.Variance;

/// <summary>
/// Names one business fact at one watched SKU and location: the position's number, the kind of change and the id
/// both systems share (for a bundle line, the order id and the parent SKU).
/// </summary>
internal readonly record struct FactKey(int Position, EffectKind Kind, string Reference);
