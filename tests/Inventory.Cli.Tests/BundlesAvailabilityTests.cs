using System.Text.Json;

namespace Inventory.Cli.Tests;

public sealed class BundlesAvailabilityTests
{
    private static readonly Lazy<BomOracle> Oracle =
        new(() => new BomOracle(RepositoryFiles.AdventureWorksBom, RepositoryFiles.AdventureWorksStock));

    [Theory]
    [InlineData("2021-04-01")]
    [InlineData("2021-10-01")]
    [InlineData("2024-01-01")]
    public async Task Availability_AdventureWorks_EveryTopLevelAssemblyMatchesAnIndependentRecount(string day)
    {
        var report = await AdventureWorksAsync("--at", day);
        var date = DateOnly.Parse(day);

        var bundles = report.GetProperty("bundles").EnumerateArray().ToList();
        Assert.Equal(Oracle.Value.TopLevel(date), bundles.Select(b => b.GetProperty("sku").GetString()));
        foreach (var bundle in bundles)
        {
            var sku = bundle.GetProperty("sku").GetString()!;
            Assert.Equal(Oracle.Value.Pooled(sku, date), bundle.GetProperty("pooled").GetInt64());
            foreach (var at in bundle.GetProperty("locations").EnumerateArray())
            {
                var location = at.GetProperty("location").GetString()!;
                Assert.Equal(Oracle.Value.Available(sku, date, location), at.GetProperty("available").GetInt64());
            }
        }
    }

    [Fact]
    public async Task Availability_Assembly750InsideAndOutsideAVersion_UsesTheLinesValidThatDay()
    {
        // 750 needs two of component 828 until 2021-05-16 and one from 2021-05-17.
        var inside = Pooled750(await AdventureWorksAsync("--at", "2021-05-16"));
        var after = Pooled750(await AdventureWorksAsync("--at", "2021-05-17"));

        Assert.Equal(Oracle.Value.Pooled("750", new DateOnly(2021, 5, 16)), inside);
        Assert.Equal(Oracle.Value.Pooled("750", new DateOnly(2021, 5, 17)), after);
        Assert.Equal(12, inside);
        Assert.Equal(25, after);
    }

    [Fact]
    public async Task Availability_BeforeAnyDefinitionIsValid_ListsNoBundle()
    {
        var report = await AdventureWorksAsync("--at", "2021-03-02");

        Assert.Equal(0, report.GetProperty("bundles").GetArrayLength());
    }

    [Fact]
    public async Task Availability_SimpleCsvNestedKit_SumsLevelsPerLocationAndPooled()
    {
        using var bom = TempCsv.Raw("parent,child,quantity\nP1,P2,1\nP1,P3,1\nP2,P3,1\n");
        using var stock = TempCsv.Raw("sku,location,available\nP3,W1,10\nP3,W2,3\nP3,W3,-7\n");

        var run = await CliRun.RunAsync(
            "bundles", "availability", "--bom", bom.Path, "--stock", stock.Path, "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var bundle = JsonDocument.Parse(run.Output).RootElement.GetProperty("bundles")[0];
        Assert.Equal("P1", bundle.GetProperty("sku").GetString());
        Assert.Equal(6, bundle.GetProperty("pooled").GetInt64());
        var perLocation = bundle.GetProperty("locations").EnumerateArray();
        Assert.Equal([5L, 1L, 0L], perLocation.Select(l => l.GetProperty("available").GetInt64()));
        Assert.Equal("P3", bundle.GetProperty("locations")[0].GetProperty("limiting").GetString());
    }

    [Fact]
    public async Task Availability_LocationOption_ReportsThatLocationOnly()
    {
        using var bom = TempCsv.Raw("parent,child,quantity\nK,A,2\nK,B,2\n");
        using var stock = TempCsv.Raw("sku,location,available\nA,W1,5\nB,W1,9\nA,W2,100\nB,W2,100\n");

        var run = await CliRun.RunAsync(
            "bundles", "availability", "--bom", bom.Path, "--stock", stock.Path, "--location", "W1",
            "--format", "json");

        var bundle = JsonDocument.Parse(run.Output).RootElement.GetProperty("bundles")[0];
        Assert.Equal(2, bundle.GetProperty("pooled").GetInt64());
        var only = Assert.Single(bundle.GetProperty("locations").EnumerateArray());
        Assert.Equal("W1", only.GetProperty("location").GetString());
    }

    [Theory]
    [InlineData("parent,child,quantity\nK,A,0\n", ":2: column quantity: not a positive whole number (value '0')")]
    [InlineData("parent,child,quantity\nK,A,1.5\n", ":2: column quantity: not a positive whole number (value '1.5')")]
    [InlineData("parent,child,quantity\nK, A,1\n", ":2: column child: not a SKU")]
    [InlineData("parent,kid,quantity\nK,A,1\n", ":1: column child: the header lacks a required column")]
    [InlineData("parent,child,quantity,valid_from,valid_to\nK,A,1,2021-13-01,\n", ":2: column valid_from: not a date")]
    [InlineData("parent,child,quantity\nA,B,1\nB,C,1\nC,A,1\n", "A -> B -> C -> A")]
    public async Task Availability_BadBom_ExitsWithInputErrorNamingTheProblem(string text, string expected)
    {
        using var bom = TempCsv.Raw(text);
        using var stock = TempCsv.Raw("sku,location,available\nA,W1,5\n");

        var run = await CliRun.RunAsync("bundles", "availability", "--bom", bom.Path, "--stock", stock.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    private static long Pooled750(JsonElement report) => report.GetProperty("bundles").EnumerateArray()
        .Single(b => b.GetProperty("sku").GetString() == "750").GetProperty("pooled").GetInt64();

    private static async Task<JsonElement> AdventureWorksAsync(params string[] extra)
    {
        var run = await CliRun.RunAsync(
        [
            "bundles", "availability", "--bom", RepositoryFiles.AdventureWorksBom,
            "--stock", RepositoryFiles.AdventureWorksStock, "--format", "json", .. extra,
        ]);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Error}");

        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }
}
