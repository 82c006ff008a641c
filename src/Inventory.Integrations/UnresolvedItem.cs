namespace Inventory.Integrations;

/// <summary>An item of a payload that the SKU resolver does not know.</summary>
/// <param name="Path">The JSON path of the item.</param>
/// <param name="Item">The ids the payload gave.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record UnresolvedItem(string Path, ItemReference Item)
{
    /// <summary>Returns a sentence naming the item and where it is.</summary>
    /// <returns>The sentence.</returns>
    public override string ToString() => $"{Path}: unknown item ({Item})";
}
