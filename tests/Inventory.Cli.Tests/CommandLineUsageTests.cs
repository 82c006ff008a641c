namespace Inventory.Cli.Tests;

/// <summary>
/// A command line that does not parse exits 2 for every command, never 1: <c>reconcile</c> exits 1 when an alert
/// fired, so a script must not read a typo as an alert.
/// </summary>
public class CommandLineUsageTests
{
    [Theory]
    [InlineData("replay", "in.csv", "--bogus")]
    [InlineData("bundles", "availability", "bom.csv", "stock.csv", "--bogus")]
    [InlineData("bundles", "return", "bom.csv", "sale.json", "returned.json", "--bogus")]
    [InlineData("adjustments", "audit", "in.csv", "--bogus")]
    [InlineData("map", "shopify", "refunds/create", "body.json", "--bogus")]
    [InlineData("apply", "commands.jsonl", "--bogus")]
    [InlineData("replay", "in.csv", "extra-argument")]
    [InlineData("nonsense")]
    public async Task RunAsync_UnknownOptionOrArgument_ExitsTwoWithNothingOnStandardOutput(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        run.RequireInputError(args[^1]);
    }

    [Fact]
    public async Task RunAsync_ReconcileWithAnUnknownOption_ExitsTwoNotTheAlertCode()
    {
        var run = await CliRun.RunAsync(
            "reconcile",
            "--channel", RepositoryFiles.VarianceSample("channel.csv"),
            "--warehouse", RepositoryFiles.VarianceSample("warehouse.csv"),
            "--events", RepositoryFiles.VarianceSample("events.jsonl"),
            "--bogus");

        run.RequireInputError("--bogus");
    }
}
