using System.Text.Json;

namespace Inventory.Cli.Tests.Reconcile;

/// <summary>
/// Yesterday's snapshots as the start of the window. In the sample, MUG-WHT shows 31 in the shop and 32 sellable in
/// the warehouse after a restock of 2 that only the warehouse recorded; yesterday both showed 31, so one unit of the
/// warehouse's change has no event behind it.
/// </summary>
public class ReconcilePreviousSnapshotTests
{
    private const string ChannelHeader =
        "Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,SKU,HS Code," +
        "COO,Location,Bin name,Incoming (not editable),Unavailable (not editable),Committed (not editable)," +
        "Available (not editable),On hand (current),On hand (new)\n";

    private const string ChannelMug =
        "enamel-mug,Enamel Mug,Colour,White,,,,,MUG-WHT,732394,CN,Main Warehouse,B-04,0,0,0,31,31,31\n";

    private const string WarehouseHeader = "sku,location,on_hand,allocated,damaged,quality_control,as_of\n";

    [Fact]
    public async Task Reconcile_PreviousSnapshots_MoveUnexplainedDriftToUnloggedAdjustment()
    {
        using var channel = new TempText(ChannelHeader + ChannelMug);
        using var warehouse = new TempText(WarehouseHeader + "MUG-WHT,Main Warehouse,31,0,0,0,2026-03-01T06:00:00Z\n");

        var run = await RunSample(
            "--format", "json", "--previous-channel", channel.Path, "--previous-warehouse", warehouse.Path);

        Assert.Equal(new[] { ("returns_not_flowing", -2L), ("unlogged_adjustment", 1L) }, Parts(run, "MUG-WHT"));
        Assert.Equal(new[] { ("unlogged_adjustment", 6L) }, Parts(run, "SOCK-GRY"));
    }

    [Fact]
    public async Task Reconcile_OnlyOnePreviousSnapshot_ExitsTwo()
    {
        using var channel = new TempText(ChannelHeader + ChannelMug);

        var run = await RunSample("--previous-channel", channel.Path);

        run.RequireInputError("--previous-channel and --previous-warehouse must be given together.");
    }

    [Theory]
    [InlineData("sku,location,on_hand\nMUG-WHT,Main Warehouse,31\n", "has no as_of to start from.")]
    [InlineData(WarehouseHeader + "MUG-WHT,Main Warehouse,31,0,0,0,2026-03-02T06:00:00Z\n",
        "Previous.AsOf 2026-03-02T06:00:00Z must be before AsOf 2026-03-02T06:00:00Z.")]
    [InlineData(WarehouseHeader + "MUG-WHT,Main Warehouse,many,0,0,0,2026-03-01T06:00:00Z\n", ":2: column on_hand")]
    public async Task Reconcile_BadPreviousWarehouse_ExitsTwoNamingTheProblem(string text, string expected)
    {
        using var channel = new TempText(ChannelHeader + ChannelMug);
        using var warehouse = new TempText(text);

        var run = await RunSample("--previous-channel", channel.Path, "--previous-warehouse", warehouse.Path);

        run.RequireInputError(expected);
    }

    private static (string, long)[] Parts(CliRun run, string sku) =>
    [
        .. JsonDocument.Parse(run.Output).RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("sku").GetString() == sku)
            .GetProperty("parts").EnumerateArray()
            .Select(p => (p.GetProperty("cause").GetString()!, p.GetProperty("units").GetInt64())),
    ];

    private static Task<CliRun> RunSample(params string[] extra) => CliRun.RunAsync(
    [
        "reconcile",
        "--channel", RepositoryFiles.VarianceSample("channel.csv"),
        "--warehouse", RepositoryFiles.VarianceSample("warehouse.csv"),
        "--events", RepositoryFiles.VarianceSample("events.jsonl"),
        .. extra,
    ]);
}
