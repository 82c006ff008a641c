namespace Inventory.Cli.Replay;

/// <summary>The figures of one replay. Units are whole units summed over every SKU of the one location.</summary>
internal sealed record ReplayReport
{
    public required string File { get; init; }

    /// <summary>Gets "auto" or the fixed opening per SKU.</summary>
    public required string Opening { get; init; }

    /// <summary>Gets the data rows in the file (the header excluded), malformed ones included.</summary>
    public required long Rows { get; init; }

    public required long BadRows { get; init; }

    public required long SkippedLines { get; init; }

    public required IReadOnlyList<KeyValuePair<SkipReason, long>> SkippedByReason { get; init; }

    public required IReadOnlyList<KeyValuePair<string, long>> SkippedByStockCode { get; init; }

    public required long SaleLines { get; init; }

    /// <summary>Gets the invoices with at least one sale line.</summary>
    public required long Orders { get; init; }

    /// <summary>Gets the invoices whose every sale line was refused, so no order was placed.</summary>
    public required long RejectedOrders { get; init; }

    public required long UnitsOrdered { get; init; }

    public required long UnitsFulfilled { get; init; }

    /// <summary>Gets the sale lines the ledger refused for want of stock.</summary>
    public required long RejectedLines { get; init; }

    public required long ReturnLines { get; init; }

    public required long UnitsReturned { get; init; }

    public required long AdjustmentLines { get; init; }

    public required long AdjustmentUnitsIn { get; init; }

    public required long AdjustmentUnitsOut { get; init; }

    public required long AdjustmentsWithoutReason { get; init; }

    /// <summary>Gets the adjustments the ledger refused because they would take on hand below zero.</summary>
    public required long RejectedAdjustments { get; init; }

    public required long Oversells { get; init; }

    public required long Skus { get; init; }

    public required long OpeningUnits { get; init; }

    /// <summary>Gets the on-hand units read back from the store after the last operation.</summary>
    public required long ClosingUnits { get; init; }
}
