using System.Text.Json;

namespace Inventory.Cli.Tests;

public sealed class MapCommandTests : IDisposable
{
    private const string Refund = """
        {"id": 700, "order_id": 9007199254740993, "refund_line_items": [
          {"id": 1, "line_item_id": 11, "quantity": 2, "restock_type": "return", "location_id": 905684977},
          {"id": 2, "line_item_id": 12, "quantity": 3, "restock_type": "no_restock", "location_id": null}]}
        """;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"map-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task Map_ShopifyRefundAsJson_PrintsOneCommandPerRefundLine()
    {
        await File.WriteAllTextAsync(_path, Refund);

        var run = await CliRun.RunAsync("map", "shopify", "refunds/create", _path, "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var commands = JsonDocument.Parse(run.Output).RootElement.GetProperty("commands").EnumerateArray().ToList();
        Assert.Equal(2, commands.Count);
        Assert.Equal("RestockRefund", commands[0].GetProperty("type").GetString());
        Assert.Equal("9007199254740993", commands[0].GetProperty("orderId").GetString());
        Assert.Equal(("Return", 2, "905684977"), (
            commands[0].GetProperty("restock").GetString(),
            commands[0].GetProperty("quantity").GetInt32(),
            commands[0].GetProperty("location").GetString()));
        Assert.Equal("NoRestock", commands[1].GetProperty("restock").GetString());
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Map_TextFormat_PrintsOneLinePerCommand()
    {
        await File.WriteAllTextAsync(_path, """{"id": 5, "state": "expired", "line_items": []}""");

        var run = await CliRun.RunAsync("map", "loop", "return.updated", _path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "{\"type\":\"CloseReturn\",\"idempotencyKey\":\"loop:return:5:expired\",\"source\":\"loop\","
            + "\"returnId\":\"5\",\"closure\":\"Expired\"}\n",
            run.Output);
    }

    [Fact]
    public async Task Map_NegativeQuantity_ExitsTwoNamingTheFieldOnStandardError()
    {
        await File.WriteAllTextAsync(_path, """{"id": 1, "line_items": [{"id": 2, "sku": "A", "quantity": -1}]}""");

        var run = await CliRun.RunAsync("map", "shopify", "orders/create", _path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains(
            "$.line_items[0].quantity: a quantity must not be negative (was -1)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_UnknownItem_ExitsTwoUnlessTheItemIsMapped()
    {
        await File.WriteAllTextAsync(_path, """{"inventory_item_id": 808950810, "location_id": 9, "available": 6}""");

        var unknown = await CliRun.RunAsync("map", "shopify", "inventory_levels/update", _path);
        var known = await CliRun.RunAsync(
            "map", "shopify", "inventory_levels/update", _path, "--item", "808950810=IPOD");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown item (inventory item 808950810)", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(0, known.ExitCode);
        Assert.Contains("\"sku\":\"IPOD\",\"location\":\"9\",\"available\":6", known.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_MissingFile_ExitsTwo()
    {
        var run = await CliRun.RunAsync("map", "shopify", "orders/create", _path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("inventory map: ", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);
}
