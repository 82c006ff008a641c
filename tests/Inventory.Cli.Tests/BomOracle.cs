namespace Inventory.Cli.Tests;

/// <summary>
/// An independent recount of AdventureWorks kit availability: rows read with plain string splitting, the
/// composition of a day found by filtering rows, explosion by plain recursion.
/// </summary>
internal sealed class BomOracle
{
    private readonly List<(string Parent, string Child, long Quantity, DateOnly From, DateOnly? To)> _rows = [];
    private readonly Dictionary<(string Sku, string Location), long> _stock = [];
    private ILookup<string, (string Parent, string Child, long Quantity, DateOnly From, DateOnly? To)>? _byParent;

    public BomOracle(string bomPath, string stockPath)
    {
        foreach (var fields in File.ReadLines(bomPath).Select(l => l.Split('\t')).Where(f => f[1].Length > 0))
        {
            DateOnly? to = fields[4].Length == 0 ? null : DateOnly.Parse(fields[4][..10]);
            _rows.Add((fields[1], fields[2], (long)decimal.Parse(fields[7]), DateOnly.Parse(fields[3][..10]), to));
        }

        foreach (var fields in File.ReadLines(stockPath).Select(l => l.Split('\t')))
        {
            var key = (fields[0], fields[1]);
            _stock[key] = _stock.GetValueOrDefault(key) + long.Parse(fields[4]);
        }
    }

    private ILookup<string, (string Parent, string Child, long Quantity, DateOnly From, DateOnly? To)> ByParent =>
        _byParent ??= _rows.ToLookup(r => r.Parent);

    public IEnumerable<string> Locations => _stock.Keys.Select(k => k.Location).Distinct();

    public List<string> TopLevel(DateOnly day)
    {
        var live = _rows.Where(r => r.From <= day && (r.To is null || day <= r.To)).ToList();
        var children = live.Select(r => r.Child).ToHashSet();

        var parents = live.Select(r => r.Parent).Distinct().Where(p => !children.Contains(p));

        return [.. parents.Order(StringComparer.Ordinal)];
    }

    public long Available(string bundle, DateOnly day, string location) =>
        Explode(bundle, day).Min(c => Math.Max(0, _stock.GetValueOrDefault((c.Key, location))) / c.Value);

    public long Pooled(string bundle, DateOnly day) =>
        Explode(bundle, day).Min(c => Locations.Sum(l => Math.Max(0, _stock.GetValueOrDefault((c.Key, l)))) / c.Value);

    private Dictionary<string, long> Explode(string sku, DateOnly day)
    {
        var totals = new Dictionary<string, long>();
        Walk(sku, 1, day, totals);

        return totals;
    }

    private void Walk(string sku, long quantity, DateOnly day, Dictionary<string, long> totals)
    {
        var lines = ByParent[sku].Where(r => r.From <= day && (r.To is null || day <= r.To)).ToList();
        if (lines.Count == 0)
        {
            totals[sku] = totals.GetValueOrDefault(sku) + quantity;
        }

        foreach (var line in lines)
        {
            Walk(line.Child, quantity * line.Quantity, day, totals);
        }
    }
}
