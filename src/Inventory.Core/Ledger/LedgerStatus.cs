namespace Inventory.Core.Ledger;

/// <summary>How the ledger answered a command.</summary>
public enum LedgerStatus
{
    /// <summary>The command was applied (or had been, for a repeated key).</summary>
    Applied = 1,

    /// <summary>Too few units were available; see <see cref="LedgerResult.Shortfalls"/>.</summary>
    InsufficientStock = 2,

    /// <summary>The cart or line holds nothing.</summary>
    UnknownReservation = 3,

    /// <summary>A hold the command needs has expired.</summary>
    ReservationExpired = 4,

    /// <summary>The order or order line does not exist.</summary>
    UnknownOrder = 5,

    /// <summary>An order with that id already exists.</summary>
    OrderAlreadyExists = 6,

    /// <summary>A fulfilment asked for more than the line has open.</summary>
    ExceedsOpenQuantity = 7,

    /// <summary>The return or return line is not known.</summary>
    UnknownReturn = 20,

    /// <summary>A return line with that id already exists.</summary>
    ReturnAlreadyExists = 21,

    /// <summary>More units were received for a return line than it still expects (an over-receipt).</summary>
    ExceedsExpectedReturn = 22,

    /// <summary>A refund asked to restock more units of a line than shipped and were not yet restocked.</summary>
    ExceedsReturnable = 23,
}
