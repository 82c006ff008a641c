using Inventory.Cli.Replay;
using Inventory.Core.Adjustments;
using NodaTime;

namespace Inventory.Cli.Audit;

/// <summary>
/// Collects the adjustment rows of an Online Retail file (the replay rules decide which rows they are) and the
/// descriptions of its sale lines, from which each SKU's product name is taken.
/// </summary>
internal sealed class RetailAdjustmentSink : IRetailRowSink
{
    private readonly List<(string Sku, long Quantity, string Description, Instant At)> _rows = [];
    private readonly Dictionary<string, Dictionary<string, (int Count, int First)>> _names =
        new(StringComparer.Ordinal);
    private int _seen;

    public void Accept(in RetailRow row)
    {
        switch (RowRules.Classify(row, out _))
        {
            case RowCategory.Adjustment:
                _rows.Add((row.StockCode.ToString(), row.Quantity, row.Description.ToString(), row.InvoiceDate));
                break;
            case RowCategory.Sale:
                CountName(row.StockCode.ToString(), row.Description.Trim().ToString());
                break;
        }
    }

    /// <summary>
    /// Gets the adjustments with their reasons mapped to codes. The file's wall times are read in
    /// <paramref name="zone"/> (the retailer's own clock); a time that a clock change skips moves forward.
    /// </summary>
    public List<AuditedAdjustment> ToAdjustments(DateTimeZone zone, ReasonMapper mapper) =>
        _rows
            .Select(r => new AuditedAdjustment(
                r.Sku,
                r.Quantity,
                mapper.Map(AdjustmentReasons.Resolve(r.Description, ProductName(r.Sku))),
                null,
                r.At.InUtc().LocalDateTime.InZoneLeniently(zone).ToInstant()))
            .ToList();

    private void CountName(string sku, string description)
    {
        if (description.Length == 0)
        {
            return;
        }

        if (!_names.TryGetValue(sku, out var names))
        {
            names = new Dictionary<string, (int, int)>(StringComparer.OrdinalIgnoreCase);
            _names[sku] = names;
        }

        var (count, first) = names.GetValueOrDefault(description, (0, _seen++));
        names[description] = (count + 1, first);
    }

    private string? ProductName(string sku) =>
        _names.TryGetValue(sku, out var names)
            ? names.OrderByDescending(n => n.Value.Count).ThenBy(n => n.Value.First).First().Key
            : null;
}
