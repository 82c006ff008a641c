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

    /// <summary>A return was announced: its units are incoming at the return location.</summary>
    ReturnExpected = 20,

    /// <summary>A return line was cancelled or expired: its outstanding incoming units were released.</summary>
    ReturnReleased = 21,

    /// <summary>Returned units arrived and are not restocked: incoming goes down, on hand does not change.</summary>
    ReturnNotRestocked = 22,

    /// <summary>Units in quality control were inspected: they became available or damaged.</summary>
    Inspected = 23,

    /// <summary>
    /// Damage was reported; the entry moves nothing, its instant is when the damage was reported and its quantity
    /// the units reported.
    /// </summary>
    DamageReported = 24,

    /// <summary>Units on hand were found damaged and moved out of available into damaged.</summary>
    Damaged = 25,

    /// <summary>Damaged units were written off: damaged and on hand went down.</summary>
    WrittenOff = 26,

    /// <summary>
    /// A bundle line was sold: the entry moves nothing; its position is one of the line's component positions, its
    /// quantity those component units, its reference the order's parent line and its reason the bundle and the
    /// definition version in force at the sale.
    /// </summary>
    BundleSold = 30,
}
