namespace Inventory.Cli.Tests;

public sealed class ApplyCommandTests : IDisposable
{
    private static readonly string[] Events =
    [
        """{"type":"ReceiveStock","idempotencyKey":"po-1","sku":"MUG","location":"W1","quantity":10}""",
        """{"type":"PlaceExternalOrder","idempotencyKey":"o-1","orderId":"1","lines":"""
            + """[{"lineId":"11","sku":"MUG","location":"W1","quantity":4}]}""",
        """{"type":"FulfilOrder","idempotencyKey":"ship-1","orderId":"1"}""",
        """{"type":"RestockRefund","idempotencyKey":"refund-7/1","orderId":"1","lineId":"11","quantity":2,"""
            + "\"restock\":\"Return\",\"location\":\"W1\"}",
        """{"type":"InitiateReturn","idempotencyKey":"return-5/11","returnId":"5","lineId":"11","sku":"MUG","""
            + "\"location\":\"RET\",\"quantity\":1}",
    ];

    private readonly string _events = Path.Combine(Path.GetTempPath(), $"apply-{Guid.NewGuid():N}.jsonl");
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"apply-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task Apply_SameStreamTwice_LeavesTheStateAndPositionsUnchanged()
    {
        await File.WriteAllLinesAsync(_events, Events);

        var first = await CliRun.RunAsync("apply", _events, "--state", _state);
        var stateAfterFirst = await File.ReadAllTextAsync(_state);
        var second = await CliRun.RunAsync("apply", _events, "--state", _state);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(stateAfterFirst, await File.ReadAllTextAsync(_state));
        Assert.Equal(first.Output, second.Output);
        Assert.Contains(
            "MUG @ W1: available 8, on hand 8, committed 0, reserved 0, damaged 0, quality control 0, "
            + "safety stock 0, incoming 0",
            first.Output,
            StringComparison.Ordinal);
        Assert.Contains("MUG @ RET: available 0, on hand 0", first.Output, StringComparison.Ordinal);
        Assert.Contains("incoming 1", first.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_LineThatIsNotACommand_ExitsTwoNamingTheLineAndField()
    {
        string[] lines = [Events[0], """{"type":"ReceiveStock","idempotencyKey":"po-2","sku":"MUG"}"""];
        await File.WriteAllLinesAsync(_events, lines);

        var run = await CliRun.RunAsync("apply", _events, "--state", _state);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(":2: $.location: is required", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_state));
    }

    [Theory]
    [InlineData("{\"type\":\"ReceiveStock\",", "$: malformed JSON at byte ")]
    [InlineData("[1, 2]", "$: the line must be a JSON object")]
    public async Task Apply_LineThatIsNotAJsonObject_ExitsTwoNamingTheFileAndItsLine(string line, string expected)
    {
        await File.WriteAllLinesAsync(_events, [Events[0], Events[1], line]);

        var run = await CliRun.RunAsync("apply", _events, "--state", _state);

        run.RequireInputError($"{_events}:3: {expected}");
        Assert.False(File.Exists(_state));
    }

    public void Dispose()
    {
        File.Delete(_events);
        File.Delete(_state);
    }
}
