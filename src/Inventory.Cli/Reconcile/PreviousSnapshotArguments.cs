using System.CommandLine;
using Inventory.Core.Variance;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// The previous day's snapshots of <c>inventory reconcile</c>: <c>--previous-channel</c> and
/// <c>--previous-warehouse</c>, both in the layouts of today's files; the window starts at the previous warehouse
/// file's latest <c>as_of</c>.
/// </summary>
internal sealed class PreviousSnapshotArguments
{
    private readonly Option<string?> _channel = new("--previous-channel")
    {
        Description = "The previous Shopify inventory export, taken at the start of the event window.",
    };

    private readonly Option<string?> _warehouse = new("--previous-warehouse")
    {
        Description = "The previous warehouse snapshot CSV; its as_of is the start of the event window.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_channel);
        command.Options.Add(_warehouse);
    }

    /// <summary>Reads the previous snapshots onto the options when both were given.</summary>
    /// <exception cref="ArgumentException">
    /// Thrown when only one is given, or the warehouse file has no as_of.
    /// </exception>
    public void Apply(ParseResult parse, VarianceOptions options, WarehouseColumns columns)
    {
        var channel = parse.GetValue(_channel);
        var warehouse = parse.GetValue(_warehouse);
        if (channel is null && warehouse is null)
        {
            return;
        }

        if (channel is null || warehouse is null)
        {
            throw new ArgumentException("--previous-channel and --previous-warehouse must be given together.");
        }

        var (rows, asOf) = WarehouseCsvReader.Read(warehouse, columns);
        options.Previous = new PreviousSnapshot(
            asOf ?? throw new ArgumentException($"--previous-warehouse: '{warehouse}' has no as_of to start from."),
            [.. ShopifyInventoryReader.Read(channel)],
            rows);
    }
}
