namespace Inventory.Cli.Replay;

/// <summary>Row counts gathered while planning; every well-formed row adds to exactly one category.</summary>
internal sealed class PlanCounts
{
    private readonly long[] _skippedByReason = new long[Enum.GetValues<SkipReason>().Length];
    private readonly long[] _skippedByCode = new long[RowRules.NonProductCodes.Count];

    public long Rows { get; set; }

    public long BadRows { get; set; }

    public long SaleLines { get; set; }

    public long UnitsOrdered { get; set; }

    public long ReturnLines { get; set; }

    public long UnitsReturned { get; set; }

    public long AdjustmentLines { get; set; }

    public long AdjustmentsWithoutReason { get; set; }

    public long SkippedLines => _skippedByReason.Sum();

    public void CountSkipped(SkipReason reason, ReadOnlySpan<char> stockCode)
    {
        _skippedByReason[(int)reason]++;
        if (reason == SkipReason.NonProductCode)
        {
            _skippedByCode[RowRules.NonProductCodeIndex(stockCode)]++;
        }
    }

    /// <summary>Gets the skipped rows per reason, omitting reasons with no rows.</summary>
    public IReadOnlyList<KeyValuePair<SkipReason, long>> SkippedByReason() =>
        Enum.GetValues<SkipReason>()
            .Where(r => _skippedByReason[(int)r] > 0)
            .Select(r => KeyValuePair.Create(r, _skippedByReason[(int)r]))
            .ToList();

    /// <summary>Gets the rows skipped for a non-product stock code, per code, omitting codes with no rows.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> SkippedByStockCode() =>
        RowRules.NonProductCodes
            .Select((code, i) => KeyValuePair.Create(code, _skippedByCode[i]))
            .Where(p => p.Value > 0)
            .ToList();
}
