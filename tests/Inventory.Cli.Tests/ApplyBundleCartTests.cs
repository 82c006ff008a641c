namespace Inventory.Cli.Tests;

/// <summary>
/// <c>inventory apply</c> with a bundle cart: a <c>ReserveCart</c> line holds the exploded components and a
/// <c>CommitBundleCart</c> line, which carries the definition version and composition sold, commits them.
/// </summary>
public sealed class ApplyBundleCartTests : IDisposable
{
    private const string Receipts =
        """{"type":"ReceiveStock","idempotencyKey":"po-1","sku":"MUG","location":"W1","quantity":10}""" + "\n"
        + """{"type":"ReceiveStock","idempotencyKey":"po-2","sku":"TEA","location":"W1","quantity":20}""";

    // Two GIFT bundles of one mug and three teas each: the cart holds 2 mugs and 6 teas under the sale's line ids.
    private const string Hold =
        """{"type":"ReserveCart","idempotencyKey":"hold-1","cartId":"cart-1","lines":["""
        + """{"lineId":"1/MUG","sku":"MUG","quantity":2,"location":"W1"},"""
        + """{"lineId":"1/TEA","sku":"TEA","quantity":6,"location":"W1"}]}""";

    private readonly string _events = Path.Combine(Path.GetTempPath(), $"apply-bundle-{Guid.NewGuid():N}.jsonl");
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"apply-bundle-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task Apply_BundleCartReservedThenCommitted_CommitsEveryComponentAndKeepsTheStateStable()
    {
        await File.WriteAllTextAsync(_events, $"{Receipts}\n{Hold}\n{CommitLine("commit-1", "cart-1")}\n");

        var first = await CliRun.RunAsync("apply", _events, "--state", _state);
        var state = await File.ReadAllTextAsync(_state);
        var second = await CliRun.RunAsync("apply", _events, "--state", _state);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(string.Empty, first.Error);
        Assert.Contains(
            "MUG @ W1: available 8, on hand 10, committed 2, reserved 0,", first.Output, StringComparison.Ordinal);
        Assert.Contains(
            "TEA @ W1: available 14, on hand 20, committed 6, reserved 0,", first.Output, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"CommitBundleCart\"", state, StringComparison.Ordinal);
        Assert.Contains("\"soldAt\": \"2026-03-02T09:00:00Z\"", state, StringComparison.Ordinal);
        Assert.Equal((0, string.Empty), (second.ExitCode, second.Error));
        Assert.Equal(state, await File.ReadAllTextAsync(_state));
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task Apply_BundleCommitWithoutItsReservation_IsRefusedNamingTheCartAndNotStored()
    {
        await File.WriteAllTextAsync(_events, $"{Receipts}\n{CommitLine("commit-1", "cart-9")}\n");

        var run = await CliRun.RunAsync("apply", _events, "--state", _state);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "inventory apply: refused: Cart 'cart-9' holds nothing; nothing was changed.",
            run.Error,
            StringComparison.Ordinal);
        Assert.Contains("MUG @ W1: available 10, on hand 10, committed 0,", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CommitBundleCart", await File.ReadAllTextAsync(_state), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_BundleCommitThatTheHoldsDoNotMatch_IsRefusedNamingTheComponent()
    {
        var shortHold = Hold.Replace("\"quantity\":6", "\"quantity\":5", StringComparison.Ordinal);
        await File.WriteAllTextAsync(_events, $"{Receipts}\n{shortHold}\n{CommitLine("commit-1", "cart-1")}\n");

        var run = await CliRun.RunAsync("apply", _events, "--state", _state);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "inventory apply: refused: Cart 'cart-1' holds 5 units of TEA under line '1/TEA'; bundle line '1' "
            + "(2 x GIFT) calls for 6. Nothing was changed.",
            run.Error,
            StringComparison.Ordinal);
        Assert.Contains("TEA @ W1: available 15, on hand 20, committed 0, reserved 5,", run.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_BundleCommitWithABadField_ExitsTwoNamingTheFileLineAndField()
    {
        var bad = CommitLine("commit-1", "cart-1").Replace(
            "{\"sku\":\"TEA\",\"quantity\":3}]}]}", "{\"sku\":\"TEA\",\"quantity\":\"3\"}]}]}",
            StringComparison.Ordinal);
        await File.WriteAllTextAsync(_events, $"{Receipts}\n{Hold}\n{bad}\n");

        var run = await CliRun.RunAsync("apply", _events, "--state", _state);

        run.RequireInputError(
            $"{_events}:4: $.sales[0].perBundle[1].quantity: a whole number is expected (was String: \"3\")");
        Assert.False(File.Exists(_state));
    }

    [Theory]
    [InlineData(
        "{\"sku\":\"TEA\",\"quantity\":3}]}]}",
        "{\"sku\":\"TEA\",\"quantity\":3},{\"sku\":\"TEA\",\"quantity\":3}]}]}",
        "lists TEA more than once in its per-bundle composition (1 x MUG, 3 x TEA, 3 x TEA)")]
    [InlineData(
        "\"components\":[{\"sku\":\"MUG\",\"quantity\":1},",
        "\"components\":[{\"sku\":\"GIFT\",\"quantity\":1},{\"sku\":\"MUG\",\"quantity\":1},",
        "its definition version contains GIFT itself (1 x GIFT, 1 x MUG, 3 x TEA)")]
    [InlineData(
        "\"validFrom\":\"2026-01-01T00:00:00Z\"",
        "\"validFrom\":\"2027-01-01T00:00:00Z\",\"validTo\":\"2020-01-01T00:00:00Z\"",
        "its definition version's span [2027-01-01T00:00:00Z, 2020-01-01T00:00:00Z) is empty")]
    public async Task Apply_BundleCommitTheDomainForbids_ReportsItOnStandardErrorAndCommitsNothing(
        string from, string to, string expected)
    {
        var forbidden = CommitLine("commit-1", "cart-1").Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(CommitLine("commit-1", "cart-1"), forbidden);
        await File.WriteAllTextAsync(_events, $"{Receipts}\n{Hold}\n{forbidden}\n");

        var run = await CliRun.RunAsync("apply", _events, "--state", _state);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "inventory apply: commit-1: CommitBundleCart 'commit-1': bundle line '1' (GIFT)", run.Error,
            StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains(
            "TEA @ W1: available 14, on hand 20, committed 0, reserved 6,", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CommitBundleCart", await File.ReadAllTextAsync(_state), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_StateHoldingABundleCommitTheDomainForbids_ExitsTwoNamingTheStoredCommand()
    {
        var forbidden = CommitLine("commit-1", "cart-1").Replace(
            "\"perBundle\":[{\"sku\":\"MUG\",\"quantity\":1}", "\"perBundle\":[{\"sku\":\"MUG\",\"quantity\":2}",
            StringComparison.Ordinal);
        var stored = string.Join(",", $"{Receipts}\n{Hold}\n{forbidden}".Split('\n'));
        await File.WriteAllTextAsync(_state, $"{{\"commands\":[{stored}]}}");
        await File.WriteAllTextAsync(_events, string.Empty);

        var run = await CliRun.RunAsync("apply", _events, "--state", _state);

        run.RequireInputError(
            $"inventory apply: {_state}: stored command 'commit-1' is invalid: CommitBundleCart 'commit-1': bundle "
            + "line '1' (GIFT): its per-bundle composition (2 x MUG, 3 x TEA) is not its definition's leaf "
            + "composition (1 x MUG, 3 x TEA).");
    }

    public void Dispose()
    {
        File.Delete(_events);
        File.Delete(_state);
    }

    private static string CommitLine(string key, string cartId) =>
        $$"""{"type":"CommitBundleCart","idempotencyKey":"{{key}}","cartId":"{{cartId}}","orderId":"order-1","sales":"""
        + """[{"lineId":"1","bundle":"GIFT","quantity":2,"soldAt":"2026-03-02T09:00:00Z","definition":"""
        + """{"validFrom":"2026-01-01T00:00:00Z","components":[{"sku":"MUG","quantity":1},"""
        + """{"sku":"TEA","quantity":3}]},"perBundle":[{"sku":"MUG","quantity":1},{"sku":"TEA","quantity":3}]}]}""";
}
