using NodaTime;

namespace Inventory.Cli.Replay;

/// <summary>One checked and parsed row of an Online Retail file; its text fields are views into the reader.</summary>
internal readonly ref struct RetailRow
{
    /// <summary>Gets the 1-based line where the row starts.</summary>
    public required int Line { get; init; }

    public required ReadOnlySpan<char> InvoiceNo { get; init; }

    /// <summary>Gets the stock code without surrounding white space; never blank.</summary>
    public required ReadOnlySpan<char> StockCode { get; init; }

    public required ReadOnlySpan<char> Description { get; init; }

    public required long Quantity { get; init; }

    /// <summary>Gets the invoice date, read as UTC (see docs/replay.md).</summary>
    public required Instant InvoiceDate { get; init; }

    public required decimal UnitPrice { get; init; }

    public required ReadOnlySpan<char> CustomerId { get; init; }
}
