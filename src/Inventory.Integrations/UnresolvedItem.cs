namespace Inventory.Integrations;

/// <summary>An item of a payload that could not be mapped to one SKU or one recorded order line.</summary>
/// <param name="Path">The JSON path of the item.</param>
/// <param name="Item">The ids the payload gave.</param>
/// <param name="Reason">Why the item was not mapped; null when the SKU resolver does not know it.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record UnresolvedItem(string Path, ItemReference Item, string? Reason = null)
{
    /// <summary>Returns a sentence naming the item, where it is and why it was not mapped.</summary>
    /// <returns>The sentence.</returns>
    public override string ToString() => $"{Path}: {Reason ?? "unknown item"} ({Item})";
}
