using System.Text.Json;

namespace Inventory.Cli.Tests.Reconcile;

public class ReconcileCommandTests
{
    [Fact]
    public async Task Reconcile_Sample_ExplainsEachCauseAndExitsWithAlert()
    {
        var run = await RunSample("--format", "json");

        Assert.Equal(1, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(6, root.GetProperty("summary").GetProperty("rows_compared").GetInt32());
        Assert.Equal(14, root.GetProperty("summary").GetProperty("discrepancy_units").GetInt64());
        var tee = root.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("sku").GetString() == "TEE-BLK-M");
        Assert.Equal(
            new[] { ("sync_timing", -3L), ("sync_race", 4L) },
            tee.GetProperty("parts").EnumerateArray()
                .Select(p => (p.GetProperty("cause").GetString()!, p.GetProperty("units").GetInt64())));
        Assert.Equal(3, root.GetProperty("alerts").GetArrayLength());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reconcile_JsonToAByteStream_WritesTheTextReport(bool byteOrderMark)
    {
        var text = await RunSample("--format", "json");
        using var bytes = new MemoryStream();
        using var error = new StringWriter();
        int code;
        using (var output = new StreamWriter(bytes, new System.Text.UTF8Encoding(byteOrderMark), 1 << 10))
        {
            code = await Inventory.Cli.CommandLine.InventoryCli.RunAsync(
                [
                    "reconcile",
                    "--channel", RepositoryFiles.VarianceSample("channel.csv"),
                    "--warehouse", RepositoryFiles.VarianceSample("warehouse.csv"),
                    "--events", RepositoryFiles.VarianceSample("events.jsonl"),
                    "--format", "json",
                ],
                output,
                error);
        }

        var written = bytes.ToArray();
        Assert.Equal((text.ExitCode, string.Empty), (code, error.ToString()));
        Assert.Equal(byteOrderMark, written.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]));
        Assert.Equal(text.Output, new System.Text.UTF8Encoding(false).GetString(written).TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task Reconcile_WithinTolerance_ExitsZero()
    {
        var run = await RunSample(
            "--tolerance-units", "6", "--threshold", "hero_discrepancy_percent=3",
            "--threshold", "adjustments_per_1000_shipped=200");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("ALERT", run.Output);
        Assert.Contains("rows compared: 6, within tolerance: 6", run.Output);
    }

    [Fact]
    public async Task Reconcile_BadEventLine_ExitsTwoNamingFileAndLine()
    {
        using var events = new TempText("{\"type\":\"order\",\"id\":\"x\"}\n");

        var run = await CliRun.RunAsync(
            "reconcile", "--channel", RepositoryFiles.VarianceSample("channel.csv"),
            "--warehouse", RepositoryFiles.VarianceSample("warehouse.csv"), "--events", events.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{events.Path}:1: column system", run.Error);
    }

    [Theory]
    [InlineData("--channel", "", "--channel: there is no file")]
    [InlineData("--warehouse", "", "--warehouse: there is no file")]
    [InlineData("--events", "", "--events: there is no file")]
    [InlineData("--tolerance-units", "-1", "--tolerance-units: expected 0 or more, not -1.")]
    [InlineData("--tolerance-percent", "-5", "--tolerance-percent: expected 0 or more, not -5.")]
    [InlineData("--sync-lag-minutes", "-15", "--sync-lag-minutes: expected 0 or more, not -15.")]
    [InlineData("--as-of", "yesterday", "such as 2026-03-02T06:00:00Z")]
    public async Task Reconcile_BadOption_ExitsTwoNamingTheOption(string option, string value, string message)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.csv");
        var arguments = new Dictionary<string, string>
        {
            ["--channel"] = RepositoryFiles.VarianceSample("channel.csv"),
            ["--warehouse"] = RepositoryFiles.VarianceSample("warehouse.csv"),
            ["--events"] = RepositoryFiles.VarianceSample("events.jsonl"),
            [option] = value.Length == 0 ? missing : value,
        };

        var run = await CliRun.RunAsync(
            ["reconcile", .. arguments.SelectMany(pair => new[] { pair.Key, pair.Value })]);

        run.RequireInputError(message);
    }

    [Fact]
    public async Task Reconcile_TextFormat_NamesTheInstantAndTheHeroSkus()
    {
        var run = await RunSample();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "as of 2026-03-02T06:00:00Z, hero SKUs: KIT-GIFT, TEE-BLK-M",
            run.Output.Split('\n')[1].TrimEnd('\r'));
    }

    [Fact]
    public async Task Reconcile_ChannelRowRepeated_ExitsTwoNamingFileAndLine()
    {
        using var channel = new TempText("Handle,SKU,Location,Available\nh,A,L,5\nh,B,L,2\nh,A,L,6\n");
        using var warehouse = new TempText(WarehouseHeader + "A,L,5,0,0,0,2026-03-02T06:00:00Z\n");

        var run = await Reconcile(channel.Path, warehouse.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{channel.Path}:4: column SKU", run.Error);
        Assert.Contains("lists A @ L more than once", run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Reconcile_WarehouseRowRepeated_ExitsTwoNamingFileAndLine()
    {
        using var channel = new TempText("Handle,SKU,Location,Available\nh,A,L,5\n");
        using var warehouse = new TempText(
            WarehouseHeader + "A,L,5,0,0,0,2026-03-02T06:00:00Z\nA,L,6,0,0,0,2026-03-02T06:00:00Z\n");

        var run = await Reconcile(channel.Path, warehouse.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{warehouse.Path}:3: column sku", run.Error);
    }

    [Fact]
    public async Task Reconcile_SellableBeyondSixtyFourBits_ExitsTwoNamingFileLineAndColumn()
    {
        using var channel = new TempText("Handle,SKU,Location,Available\nh,A,L,5\n");
        using var warehouse = new TempText(
            WarehouseHeader + "A,L,5,0,0,0,2026-03-02T06:00:00Z\n"
            + "B,L,-9,9223372036854775807,0,0,2026-03-02T06:00:00Z\n");

        var run = await Reconcile(channel.Path, warehouse.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{warehouse.Path}:3: column on_hand", run.Error);
    }

    [Fact]
    public async Task Reconcile_DifferenceBeyondSixtyFourBits_ExitsTwoNamingThePair()
    {
        using var channel = new TempText("Handle,SKU,Location,Available\nh,A,L,-9223372036854775808\n");
        using var warehouse = new TempText(WarehouseHeader + "A,L,5,0,0,0,2026-03-02T06:00:00Z\n");

        var run = await Reconcile(channel.Path, warehouse.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("The counts of A @ L differ by more than 64 bits hold", run.Error);
    }

    [Fact]
    public async Task Reconcile_SnapshotWithInvalidUtf8_ExitsTwoNamingLineAndColumn()
    {
        using var channel = WithByte("Handle,SKU,Location,Available\nh,A,L,5\nh,B#,L,2\n", 0xC3);
        using var warehouse = new TempText(WarehouseHeader + "A,L,5,0,0,0,2026-03-02T06:00:00Z\n");

        var run = await Reconcile(channel.Path, warehouse.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{channel.Path}:3: column 4: expected UTF-8 text", run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Reconcile_BothSnapshotsBad_ReportsTheChannelFirst()
    {
        using var channel = WithByte("Handle,SKU,Location,Available\nh,#,L,5\n", 0xFF);
        using var warehouse = new TempText(WarehouseHeader + "A,L,5,0,0,0,not-an-instant\n");

        var run = await Reconcile(channel.Path, warehouse.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{channel.Path}:2: column 3: expected UTF-8 text", run.Error);
        Assert.DoesNotContain(warehouse.Path, run.Error);
    }

    [Theory]
    [InlineData("Handle,SKU,Location,Available\nh,A\n", WarehouseRowA, "channel", "2: column 3")]
    [InlineData("Handle,SKU,Location,Available\nh,A,L,5,7\n", WarehouseRowA, "channel", "2: column 5")]
    [InlineData(ChannelRowA, WarehouseHeader + "A,L,5,0\n", "warehouse", "2: column 5")]
    [InlineData(ChannelRowA, WarehouseHeader + "A,L,5,0,0,0,2026-03-02T06:00:00Z,9\n", "warehouse", "2: column 8")]
    public async Task Reconcile_RowWithTooFewOrTooManyCells_ExitsTwoNamingLineAndCell(
        string channelText, string warehouseText, string which, string where)
    {
        using var channel = new TempText(channelText);
        using var warehouse = new TempText(warehouseText);

        var run = await Reconcile(channel.Path, warehouse.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{(which == "channel" ? channel.Path : warehouse.Path)}:{where}: expected", run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Reconcile_BlankLinesInSnapshots_AreSkipped()
    {
        using var channel = new TempText("Handle,SKU,Location,Available\n\nh,A,L,5\n   \n");
        using var warehouse = new TempText(WarehouseHeader + "\n" + "A,L,5,0,0,0,2026-03-02T06:00:00Z\n");

        var run = await Reconcile(channel.Path, warehouse.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"rows_compared\": 1", run.Output);
    }

    private const string ChannelRowA = "Handle,SKU,Location,Available\nh,A,L,5\n";

    private const string WarehouseRowA = WarehouseHeader + "A,L,5,0,0,0,2026-03-02T06:00:00Z\n";

    private const string WarehouseHeader = "sku,location,on_hand,allocated,damaged,quality_control,as_of\n";

    /// <summary>
    /// A file of <paramref name="text"/> whose '#' is replaced by the raw byte <paramref name="value"/>.
    /// </summary>
    private static TempText WithByte(string text, byte value)
    {
        var file = new TempText(text);
        var bytes = File.ReadAllBytes(file.Path);
        bytes[Array.IndexOf(bytes, (byte)'#')] = value;
        File.WriteAllBytes(file.Path, bytes);

        return file;
    }

    private static Task<CliRun> Reconcile(string channel, string warehouse) =>
        CliRun.RunAsync("reconcile", "--channel", channel, "--warehouse", warehouse, "--format", "json");

    private static Task<CliRun> RunSample(params string[] extra) => CliRun.RunAsync(
    [
        "reconcile",
        "--channel", RepositoryFiles.VarianceSample("channel.csv"),
        "--warehouse", RepositoryFiles.VarianceSample("warehouse.csv"),
        "--events", RepositoryFiles.VarianceSample("events.jsonl"),
        .. extra,
    ]);
}
