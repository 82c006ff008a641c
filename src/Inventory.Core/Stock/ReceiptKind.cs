namespace Inventory.Core.Stock;

/// <summary>Why units arrived on hand.</summary>
public enum ReceiptKind
{
    /// <summary>New stock: a purchase order, a production run, a transfer in.</summary>
    Purchase = 1,

    /// <summary>Sold units came back and are fit to sell again.</summary>
    Return = 2,
}
