namespace Inventory.Core.Returns;

/// <summary>What a refund line does to stock.</summary>
public enum RefundRestock
{
    /// <summary>Shipped units came back: on hand goes up at the refund's location, once per shipped unit.</summary>
    Return = 1,

    /// <summary>Units never shipped: the open commitment of the order line is released, as a cancel does.</summary>
    Cancel = 2,

    /// <summary>No stock changes.</summary>
    NoRestock = 3,
}
