using System.IO.Compression;
using System.Text;

namespace Inventory.Cli.Tests;

/// <summary>
/// Input built to break the replay: damaged gzip, a header that repeats a column, figures at the 64-bit limits and
/// a trailing blank line. Each damaged input stops with exit code 2, a message naming where, and no report.
/// </summary>
public sealed class ReplayHostileInputTests
{
    [Fact]
    public async Task Replay_GzipCutAfterAFullFlush_ExitsWithInputErrorNamingTheFile()
    {
        var rows = Enumerable.Range(0, 40).Select(i => Rows.Sale($"{100 + i}", "85123A", 1, minute: i % 60));
        var text = TempCsv.Header + "\n" + string.Join("\n", rows) + "\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        using var file = TempFile.Write(CutAtFlush(bytes, bytes.Length / 2));

        var run = await CliRun.RunAsync("replay", file.Path, "--format", "json");

        run.RequireInputError($"{file.Path}: truncated or corrupt gzip");
    }

    [Fact]
    public async Task Replay_GzipWithADamagedChecksum_ExitsWithInputErrorNamingTheFile()
    {
        using var valid = TempCsv.Gzipped(Rows.Sale("100", "85123A", 6), Rows.Sale("101", "71053", 2));
        var bytes = File.ReadAllBytes(valid.Path);
        bytes[^8] ^= 0xFF;
        using var file = TempFile.Write(bytes);

        var run = await CliRun.RunAsync("replay", file.Path, "--format", "json");

        run.RequireInputError($"{file.Path}: truncated or corrupt gzip");
    }

    [Fact]
    public async Task Replay_GzipWithDamagedData_ExitsWithInputErrorNamingTheFile()
    {
        using var valid = TempCsv.Gzipped(Rows.Sale("100", "85123A", 6), Rows.Sale("101", "71053", 2));
        var bytes = File.ReadAllBytes(valid.Path);
        for (var i = 12; i < bytes.Length - 8; i++)
        {
            bytes[i] = 0xFF;
        }

        using var file = TempFile.Write(bytes);

        var run = await CliRun.RunAsync("replay", file.Path, "--format", "json");

        run.RequireInputError($"{file.Path}: truncated or corrupt gzip");
    }

    [Fact]
    public async Task Replay_GzipOfTwoMembers_ReadsBoth()
    {
        var first = Encoding.UTF8.GetBytes(TempCsv.Header + "\n" + Rows.Sale("100", "85123A", 6) + "\n");
        var second = Encoding.UTF8.GetBytes(Rows.Sale("101", "71053", 2) + "\n");
        using var file = TempFile.Write([.. Gzip(first), .. Gzip(second)]);

        var report = await CliRun.ReplayJsonAsync(file.Path);

        Assert.Equal(2, report.GetProperty("rows").GetInt64());
        Assert.Equal(8, report.GetProperty("unitsFulfilled").GetInt64());
    }

    [Fact]
    public async Task Replay_HeaderNamingAColumnTwice_StopsAtLineOneNamingTheColumn()
    {
        using var csv = TempCsv.Raw(
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Quantity\n"
            + "100,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850,6\n");

        var run = await CliRun.RunAsync("replay", csv.Path, "--format", "json");

        run.RequireInputError($"{csv.Path}:1: column Quantity:");
        Assert.Contains("more than once", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_TwoSaleRowsOfLongMaxValue_StopsAtTheSecondNamingQuantity()
    {
        using var csv = TempCsv.Of(Rows.Sale("100", "A1", long.MaxValue), Rows.Sale("101", "B1", long.MaxValue));

        var run = await CliRun.RunAsync("replay", csv.Path, "--format", "json");

        run.RequireInputError($"{csv.Path}:3: column Quantity:");
        Assert.Contains("64-bit", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ReturnOfLongMinValue_StopsNamingItsLineAndQuantity()
    {
        using var csv = TempCsv.Of(Rows.Sale("100", "A1", 1), Rows.Return("C101", "A1", long.MinValue));

        var run = await CliRun.RunAsync("replay", csv.Path, "--format", "json");

        run.RequireInputError($"{csv.Path}:3: column Quantity:");
        Assert.Contains("'-9223372036854775808'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_AdjustmentsPastTheLimitForAutoOpening_StopNamingTheLine()
    {
        using var csv = TempCsv.Of(
            Rows.Adjustment("100", "A1", -long.MaxValue, "lost"), Rows.Adjustment("101", "A1", -5, "lost"));

        var run = await CliRun.RunAsync("replay", csv.Path, "--format", "json");

        run.RequireInputError($"{csv.Path}:3: column Quantity:");
        Assert.Contains("64-bit", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_AdjustmentsInOfTwoSkusPastTheLimit_StopNamingTheLine()
    {
        using var csv = TempCsv.Of(
            Rows.Adjustment("100", "A1", long.MaxValue, "found"), Rows.Adjustment("101", "B1", long.MaxValue, "found"));

        var run = await CliRun.RunAsync("replay", csv.Path, "--format", "json");

        run.RequireInputError($"{csv.Path}:3:");
        Assert.Contains("64-bit", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ReturnsTakingOnHandPastTheLimit_StopNamingTheLine()
    {
        using var csv = TempCsv.Of(
            Rows.Return("C100", "A1", -long.MaxValue), Rows.Return("C101", "A1", -1));

        var run = await CliRun.RunAsync("replay", csv.Path, "--format", "json");

        run.RequireInputError($"{csv.Path}:3:");
        Assert.Contains("64-bit", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_OpeningOfLongMaxValueWithTwoSkus_StopsNamingTheOption()
    {
        using var csv = TempCsv.Of(Rows.Sale("100", "A1", 1), Rows.Sale("101", "B1", 1));

        var run = await CliRun.RunAsync("replay", csv.Path, "--opening", "9223372036854775807", "--format", "json");

        run.RequireInputError("--opening 9223372036854775807");
        Assert.Contains("64-bit", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_OpeningOfLongMaxValueWithOneSku_Runs()
    {
        using var csv = TempCsv.Of(Rows.Sale("100", "A1", 1));

        var report = await CliRun.ReplayJsonAsync(csv.Path, "--opening", "9223372036854775807");

        Assert.Equal(long.MaxValue, report.GetProperty("openingUnits").GetInt64());
        Assert.Equal(long.MaxValue - 1, report.GetProperty("closingUnits").GetInt64());
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\n\n")]
    [InlineData("\r\n")]
    public async Task Replay_BlankLinesAtTheEnd_AreIgnored(string ending)
    {
        using var csv = TempCsv.Raw(
            TempCsv.Header + "\n" + Rows.Sale("100", "85123A", 6) + "\n" + Rows.Sale("101", "71053", 2) + "\n"
            + ending);

        var report = await CliRun.ReplayJsonAsync(csv.Path);

        Assert.Equal(2, report.GetProperty("rows").GetInt64());
        Assert.Equal(0, report.GetProperty("badRows").GetInt64());
        Assert.Equal(8, report.GetProperty("unitsFulfilled").GetInt64());
    }

    [Fact]
    public async Task Replay_BlankLineBetweenRows_StillStopsNamingItsLine()
    {
        using var csv = TempCsv.Raw(
            TempCsv.Header + "\n" + Rows.Sale("100", "85123A", 6) + "\n\n" + Rows.Sale("101", "71053", 2) + "\n");

        var run = await CliRun.RunAsync("replay", csv.Path, "--format", "json");

        run.RequireInputError($"{csv.Path}:3: column 2:");
    }

    private static byte[] CutAtFlush(byte[] text, int flushAt)
    {
        using var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zip.Write(text, 0, flushAt);
            zip.Flush();
            var cut = (int)compressed.Length;
            zip.Write(text, flushAt, text.Length - flushAt);
            zip.Flush();

            return compressed.ToArray()[..cut];
        }
    }

    private static byte[] Gzip(byte[] text)
    {
        using var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            zip.Write(text);
        }

        return compressed.ToArray();
    }

    private sealed class TempFile : IDisposable
    {
        private TempFile(string path)
        {
            Path = path;
        }

        public string Path { get; }

        public static TempFile Write(byte[] bytes)
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"replay-{Guid.NewGuid():N}.csv");
            File.WriteAllBytes(path, bytes);

            return new TempFile(path);
        }

        public void Dispose() => File.Delete(Path);
    }
}
