namespace Inventory.Core.Stock;

/// <summary>What a journal entry records.</summary>
public enum EntryKind
{
    /// <summary>Units arrived on hand (a delivery, a transfer in).</summary>
    Received = 1,

    /// <summary>Returned units came back on hand.</summary>
    Returned = 2,

    /// <summary>Available units were held for a cart line.</summary>
    Reserved = 3,

    /// <summary>A hold was given back before it expired.</summary>
    Released = 4,

    /// <summary>An expired hold was removed.</summary>
    Expired = 5,

    /// <summary>Held units became committed to an order.</summary>
    Committed = 6,

    /// <summary>Committed units left on hand in a shipment.</summary>
    Fulfilled = 7,

    /// <summary>The open part of an order line was released.</summary>
    Cancelled = 8,

    /// <summary>On hand was set to a physical count.</summary>
    Counted = 9,

    /// <summary>A manual adjustment changed a state.</summary>
    Adjusted = 10,

    /// <summary>
    /// An outside event took more than was available; the entry moves nothing and its
    /// quantity is the shortfall.
    /// </summary>
    Oversold = 11,
}
