using System.Text;
using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using NodaTime.Testing;

namespace Inventory.Core.Tests.Storage;

public class JournalJsonLinesTests
{
    private static readonly Sku Mug = new("MUG-BLUE");
    private static readonly LocationId W1 = new("W1");

    [Fact]
    public async Task WriteThenRead_LedgerJournal_RoundTripsEveryField()
    {
        var store = new InMemoryInventoryStore();
        var ledger = new InventoryLedger(
            store, new FakeClock(Instant.FromUtc(2026, 3, 1, 10, 15)), new InventoryOptions());
        await ledger.ExecuteAsync(new ReceiveStock("po-1", Mug, W1, 10) { Source = "erp" });
        await ledger.ExecuteAsync(new ReserveCart("r-1", "cart", [new CartLine("1", Mug, 2, W1)]));
        await ledger.ExecuteAsync(new CommitCart("c-1", "cart", "881"));
        var adjusted = await ledger.ExecuteAsync(
            new AdjustStock("a-1", Mug, W1, 1, StockBucket.Damaged, "damaged", "ana"));
        Assert.True(adjusted.IsApplied, adjusted.Message);
        var written = await store.ReadJournalAsync(0, 100);

        using var file = new MemoryStream();
        JournalJsonLines.Write(file, written);
        file.Position = 0;
        var read = JournalJsonLines.Read(file, "journal.jsonl").ToList();

        Assert.Equal(written, read);
        Assert.Equal(
            4, Encoding.UTF8.GetString(file.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Write_CommittedEntry_UsesTheDocumentedFieldNames()
    {
        var entry = new JournalEntry(
            12,
            "checkout-881",
            EntryKind.Committed,
            new PositionKey(Mug, W1),
            new StockChange(Committed: 2, Reserved: -2),
            2, Instant.FromUtc(2026, 3, 1, 10, 15), "order:881/1", null, "storefront");

        using var file = new MemoryStream();
        JournalJsonLines.Write(file, [entry]);
        var text = Encoding.UTF8.GetString(file.ToArray());

        Assert.Equal(
            "{\"sequence\":12,\"idempotencyKey\":\"checkout-881\",\"kind\":\"Committed\",\"sku\":\"MUG-BLUE\","
            + "\"location\":\"W1\",\"change\":{\"committed\":2,\"reserved\":-2},\"quantity\":2,"
            + "\"at\":\"2026-03-01T10:15:00Z\",\"reference\":\"order:881/1\","
            + "\"reason\":null,\"actor\":\"storefront\"}\n",
            text);
    }

    [Theory]
    [InlineData("{\"sequence\":1", "(json)")]
    [InlineData("[1,2]", "(entry)")]
    [InlineData(
        "{\"sequence\":1,\"idempotencyKey\":\"k\",\"kind\":\"Teleported\",\"sku\":\"A\","
        + "\"location\":\"W\",\"change\":{},"
        + "\"quantity\":1,\"at\":\"2026-01-01T00:00:00Z\"}",
        "kind")]
    [InlineData(
        "{\"sequence\":1,\"idempotencyKey\":\"k\",\"kind\":\"Received\",\"sku\":\" A\","
        + "\"location\":\"W\",\"change\":{},"
        + "\"quantity\":1,\"at\":\"2026-01-01T00:00:00Z\"}",
        "sku")]
    [InlineData(
        "{\"sequence\":1,\"idempotencyKey\":\"k\",\"kind\":\"Received\",\"sku\":\"A\","
        + "\"location\":\"W\",\"change\":{\"onHand\":1.5},"
        + "\"quantity\":1,\"at\":\"2026-01-01T00:00:00Z\"}",
        "change.onHand")]
    [InlineData(
        "{\"sequence\":1,\"idempotencyKey\":\"k\",\"kind\":\"Received\",\"sku\":\"A\","
        + "\"location\":\"W\",\"change\":{},"
        + "\"quantity\":99999999999999999999,\"at\":\"2026-01-01T00:00:00Z\"}",
        "quantity")]
    [InlineData(
        "{\"sequence\":1,\"idempotencyKey\":\"k\",\"kind\":\"Received\",\"sku\":\"A\","
        + "\"location\":\"W\",\"change\":{},"
        + "\"quantity\":1,\"at\":\"yesterday\"}",
        "at")]
    [InlineData(
        "{\"sequence\":1,\"kind\":\"Received\",\"sku\":\"A\","
        + "\"location\":\"W\",\"change\":{},"
        + "\"quantity\":1,\"at\":\"2026-01-01T00:00:00Z\"}",
        "idempotencyKey")]
    public void Read_BadLine_NamesFileLineAndField(string badLine, string field)
    {
        var good = "{\"sequence\":1,\"idempotencyKey\":\"k\",\"kind\":\"Received\",\"sku\":\"A\",\"location\":\"W\","
            + "\"change\":{\"onHand\":1},\"quantity\":1,\"at\":\"2026-01-01T00:00:00Z\"}";
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(good + "\n\n" + badLine + "\n"));

        var error = Assert.Throws<JournalFormatException>(() => JournalJsonLines.Read(file, "j.jsonl").ToList());

        Assert.Equal(3, error.Line);
        Assert.Equal(field, error.Field);
        Assert.StartsWith("j.jsonl:3:", error.Message, StringComparison.Ordinal);
    }
}
