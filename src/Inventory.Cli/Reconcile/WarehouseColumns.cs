using Inventory.Cli.Replay;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// The names the warehouse CSV uses for each field. Defaults: sku, location, on_hand, allocated, damaged,
/// quality_control, as_of. sku, location and on_hand are required; a missing count column reads as 0.
/// </summary>
internal sealed class WarehouseColumns
{
    public static readonly string[] Fields =
        ["sku", "location", "on_hand", "allocated", "damaged", "quality_control", "as_of"];

    private readonly Dictionary<string, string> _names = Fields.ToDictionary(f => f, f => f);

    public string this[string field] => _names[field];

    /// <summary>Applies mappings of the form <c>field=Column Name</c>.</summary>
    /// <exception cref="ArgumentException">Thrown when a mapping names no known field or no column.</exception>
    public static WarehouseColumns Parse(IEnumerable<string> mappings)
    {
        var columns = new WarehouseColumns();
        foreach (var mapping in mappings)
        {
            var equals = mapping.IndexOf('=', StringComparison.Ordinal);
            var field = equals > 0 ? mapping[..equals].Trim() : string.Empty;
            var name = equals > 0 ? mapping[(equals + 1)..].Trim() : string.Empty;
            if (!columns._names.ContainsKey(field) || name.Length == 0)
            {
                throw new ArgumentException(
                    $"--warehouse-column takes field=Column with field one of {string.Join(", ", Fields)} " +
                    $"(was '{mapping}').");
            }

            columns._names[field] = name;
        }

        return columns;
    }
}
