using Inventory.Core.Bundles;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Integrations.Tests;

/// <summary>
/// The JSON form of a bundle cart: the reservation of its exploded lines and the commit that records the sale.
/// </summary>
public sealed class BundleCommandJsonTests
{
    private const string Where = "events.jsonl:7";

    private static readonly Instant SoldAt = Instant.FromUtc(2026, 3, 2, 9, 15, 30) + Duration.FromNanoseconds(123);

    [Fact]
    public void Describe_ThenReadLine_CommitBundleCartKeepsEveryField()
    {
        var command = Commit() with { Source = "storefront" };

        var read = Assert.IsType<CommitBundleCart>(LedgerCommandReader.ReadLine(Describe(command), Where));

        Assert.Equal(Describe(command), Describe(read));
        Assert.Equal(("commit-1", "cart-1", "order-1", "storefront"), (read.IdempotencyKey, read.CartId, read.OrderId,
            read.Source));
        var (gift, tea) = (read.Sales[0], read.Sales[1]);
        Assert.Equal(("1", new Sku("GIFT"), 2L, SoldAt), (gift.LineId, gift.Bundle, gift.Quantity, gift.SoldAt));
        Assert.Equal(new Sku("GIFT"), gift.Definition.Parent);
        Assert.Equal([new BundleComponent(new Sku("MUG"), 1), new BundleComponent(new Sku("TIN"), 1)],
            gift.Definition.Components);
        Assert.Equal((Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0)),
            (gift.Definition.ValidFrom!.Value, gift.Definition.ValidTo!.Value));
        Assert.Equal([new BundleComponent(new Sku("MUG"), 1), new BundleComponent(new Sku("TEA"), 3)], gift.PerBundle);
        Assert.Equal((null, null), (tea.Definition.ValidFrom, tea.Definition.ValidTo));
        Assert.Equal([new BundleComponent(new Sku("TEA"), 2)], tea.PerBundle);
    }

    [Fact]
    public void Describe_CommitBundleCart_WritesTheDocumentedShape()
    {
        var sale = Commit().Sales[1];
        var command = new CommitBundleCart("c", "cart", "o", [sale]);

        Assert.Equal(
            """{"type":"CommitBundleCart","idempotencyKey":"c","cartId":"cart","orderId":"o","sales":"""
            + """[{"lineId":"2","bundle":"DUO","quantity":1,"soldAt":"2026-03-02T09:15:30.000000123Z","definition":"""
            + """{"validFrom":null,"validTo":null,"components":[{"sku":"TEA","quantity":2}]},"perBundle":"""
            + """[{"sku":"TEA","quantity":2}]}]}""",
            Describe(command));
    }

    [Fact]
    public void Describe_ThenReadLine_CartBuiltFromACatalogRoundTrips()
    {
        var catalog = new BundleCatalog();
        catalog.Register([
            new BundleDefinition(new Sku("GIFT"), [new(new Sku("MUG"), 1), new(new Sku("TIN"), 1)]),
            new BundleDefinition(new Sku("TIN"), [new(new Sku("TEA"), 3)]),
        ]);
        var reservation = BundleCart.Reserve(
            catalog, "hold-1", "cart-1", [new BundleCartLine("1", new Sku("GIFT"), 2, new LocationId("W1"))], SoldAt);
        var commit = new CommitBundleCart("commit-1", "cart-1", "order-1", reservation.Sales);

        var hold = Assert.IsType<ReserveCart>(LedgerCommandReader.ReadLine(Describe(reservation.Command), Where));
        var sold = Assert.IsType<CommitBundleCart>(LedgerCommandReader.ReadLine(Describe(commit), Where));

        Assert.Equal(
            [("1/MUG", "MUG", 2L), ("1/TEA", "TEA", 6L)], hold.Lines.Select(l => (l.LineId, l.Sku.Value, l.Quantity)));
        Assert.Equal(Describe(commit), Describe(sold));
        Assert.Equal([new BundleComponent(new Sku("MUG"), 1), new BundleComponent(new Sku("TEA"), 3)],
            sold.Sales[0].PerBundle);
    }

    [Fact]
    public void Describe_SaleWhoseDefinitionIsOfAnotherBundle_ThrowsNamingTheLine()
    {
        var sale = Commit().Sales[1];
        var command = new CommitBundleCart(
            "c", "cart", "o", [sale with { Definition = sale.Definition with { Parent = new Sku("GIFT") } }]);

        var error = Assert.Throws<ArgumentException>(() => Describe(command));

        Assert.StartsWith(
            "CommitBundleCart 'c': bundle line '2' (DUO) carries a definition of GIFT, which has no JSON form.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ThenReadLine_ReserveCartKeepsEveryLine()
    {
        var command = new ReserveCart(
            "hold-1", "cart-1",
            [new CartLine("1/MUG", new Sku("MUG"), 2, new LocationId("W1")), new CartLine("1/TEA", new Sku("TEA"), 6)]);

        var read = Assert.IsType<ReserveCart>(LedgerCommandReader.ReadLine(Describe(command), Where));

        Assert.Equal(Describe(command), Describe(read));
        Assert.Equal(("hold-1", "cart-1"), (read.IdempotencyKey, read.CartId));
        Assert.Equal(command.Lines, read.Lines);
    }

    public static TheoryData<string, string, string> BadCommits => new()
    {
        { "sales", "{}", "$.sales: an array is expected (was Object" },
        { "soldAt", "\"2026-03-02 09:15\"", "$.sales[1].soldAt: an ISO-8601 instant such as 2026-03-02T09:00:00Z is "
            + "expected (was '2026-03-02 09:15')" },
        { "soldAt", "17", "$.sales[1].soldAt: a string is expected (was Number: 17)" },
        { "perBundle", "[{\"sku\":\"TEA\",\"quantity\":-2}]",
            "$.sales[1].perBundle[0].quantity: a quantity must not be negative (was -2)" },
        { "perBundle", "[{\"quantity\":2}]", "$.sales[1].perBundle[0].sku: is required and was missing or null" },
        { "definition", "null", "$.sales[1].definition: is required and was missing or null" },
        { "definition", "{\"components\":[{\"sku\":\"TEA\",\"quantity\":2}],\"validTo\":\"soon\"}",
            "$.sales[1].definition.validTo: an ISO-8601 instant such as 2026-03-02T09:00:00Z is expected "
            + "(was 'soon')" },
        { "definition", "{\"validFrom\":null}",
            "$.sales[1].definition.components: is required and was missing or null" },
    };

    [Theory]
    [MemberData(nameof(BadCommits))]
    public void ReadLine_CommitBundleCartWithABadField_NamesTheLineAndTheFieldPath(
        string field, string json, string expected)
    {
        var line = field == "sales"
            ? """{"type":"CommitBundleCart","idempotencyKey":"c","cartId":"cart","orderId":"o","sales":""" + json + "}"
            : SecondSaleWith(field, json);

        var error = Assert.Throws<PayloadException>(() => LedgerCommandReader.ReadLine(line, Where));

        Assert.StartsWith($"{Where}: {expected}", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{Where}: $.", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLine_ReserveCartLineWithAFractionalQuantity_NamesTheLineAndTheField()
    {
        const string line = """{"type":"ReserveCart","idempotencyKey":"h","cartId":"cart","lines":"""
            + """[{"lineId":"1/MUG","sku":"MUG","quantity":2},{"lineId":"1/TEA","sku":"TEA","quantity":1.5}]}""";

        var error = Assert.Throws<PayloadException>(() => LedgerCommandReader.ReadLine(line, Where));

        Assert.Equal(
            $"{Where}: $.lines[1].quantity: a whole number is expected (was Number: 1.5)", error.Message);
    }

    private static string SecondSaleWith(string field, string json)
    {
        var text = Describe(Commit());
        var marker = $"\"{field}\":";
        var second = text.IndexOf("\"lineId\":\"2\"", StringComparison.Ordinal);
        var start = text.IndexOf(marker, second, StringComparison.Ordinal) + marker.Length;
        var end = ValueEnd(text, start);

        return text[..start] + json + text[end..];
    }

    /// <summary>Finds where the JSON value that starts at <paramref name="start"/> ends.</summary>
    private static int ValueEnd(string text, int start)
    {
        var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text[start..]));
        reader.Read();
        reader.Skip();

        return start + (int)reader.BytesConsumed;
    }

    private static CommitBundleCart Commit()
    {
        // GIFT is a mug and a tin, the tin itself a bundle of three teas: its leaves are one mug and three teas.
        BundleComponent[] giftParts = [new(new Sku("MUG"), 1), new(new Sku("TIN"), 1)];
        var gift = new BundleDefinition(
            new Sku("GIFT"), giftParts, Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0));
        var duo = new BundleDefinition(new Sku("DUO"), [new(new Sku("TEA"), 2)]);
        BundleSale[] sales =
        [
            new("1", new Sku("GIFT"), 2, SoldAt, gift, [new(new Sku("MUG"), 1), new(new Sku("TEA"), 3)]),
            new("2", new Sku("DUO"), 1, SoldAt, duo, [new(new Sku("TEA"), 2)]),
        ];

        return new CommitBundleCart("commit-1", "cart-1", "order-1", sales);
    }

    private static string Describe(Inventory.Core.Ledger.LedgerCommand command) => LedgerCommandJson.Describe(command);
}
