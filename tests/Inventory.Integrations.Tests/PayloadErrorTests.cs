namespace Inventory.Integrations.Tests;

public sealed class PayloadErrorTests
{
    public static TheoryData<string, string, string, string, string> Bad => new()
    {
        {
            "shopify", "orders/create",
            J("{'id': 1, 'line_items': ["),
            "$", "malformed JSON"
        },
        {
            "shopify", "orders/create",
            J("[1, 2]"),
            "$", "the body must be a JSON object"
        },
        {
            "shopify", "orders/create",
            J("{'line_items': []}"),
            "$.id", "is required and was missing or null"
        },
        {
            "shopify", "orders/create",
            J("{'id': 1, 'line_items': [{'id': 5, 'sku': 'A', 'quantity': -2}]}"),
            "$.line_items[0].quantity", "must not be negative (was -2)"
        },
        {
            "shopify", "orders/create",
            J("{'id': 1, 'line_items': [{'id': 5, 'sku': 'A', 'quantity': '2'}]}"),
            "$.line_items[0].quantity", "a whole number is expected (was String"
        },
        {
            "shopify", "orders/create",
            J("{'id': 1, 'line_items': [{'id': 5, 'sku': 'A', 'quantity': 1.5}]}"),
            "$.line_items[0].quantity", "a whole number is expected"
        },
        {
            "shopify", "orders/create",
            J("{'id': 1.0e3, 'line_items': []}"),
            "$.id", "whole number within 64 bits or a string"
        },
        {
            "shopify", "orders/create",
            J("{'id': 99999999999999999999, 'line_items': []}"),
            "$.id", "whole number within 64 bits"
        },
        {
            "shopify", "orders/create",
            J("{'id': 1, 'line_items': [7]}"),
            "$.line_items[0]", "an object with 'id' is expected"
        },
        {
            "shopify", "orders/create",
            J("{'id': true}"),
            "$.id", "an id (integer or string) is expected"
        },
        {
            "shopify", "refunds/create",
            J("{'id': 1, 'order_id': 2, 'refund_line_items': "
                + "[{'id': 3, 'line_item_id': 4, 'quantity': 1, 'restock_type': 'sideways'}]}"),
            "$.refund_line_items[0].restock_type", "unknown restock type 'sideways'"
        },
        {
            "shopify", "orders/paid",
            J("{'id': 1}"),
            "$", "unknown Shopify topic 'orders/paid'"
        },
        {
            "loop", "return.created",
            J("{'id': 1, 'state': 'lost', 'line_items': []}"),
            "$.state", "unknown return state 'lost'"
        },
        {
            "loop", "restock.requested",
            J("{'id': 1, 'restock_items': [{'location_id': 2, 'sku': 'A', 'available_adjustment': -1}]}"),
            "$.restock_items[0].available_adjustment", "must not be negative"
        },
        {
            "loop", "restock",
            J("{'id': 1, 'restock_items': {'4001': 'two'}}"),
            "$.restock_items.4001", "a whole, non-negative quantity is expected"
        },
        {
            "aftership", "return.receiving.created",
            J("{'id': 'r', 'return_id': 't', 'items': "
                + "[{'id': 'i', 'quantity': 1, 'gradings': [{'grade': 'A', 'quantity': 2}]}]}"),
            "$.items[0].gradings", "grades cover 2 units but the item received 1"
        },
        {
            "aftership", "return.lost",
            J("{}"),
            "$", "unknown AfterShip topic 'return.lost'"
        },
        {
            "ebay", "return.created",
            J("{}"),
            "$", "unknown source 'ebay'"
        },
    };

    /// <summary>Writes JSON with single quotes for readability; they become double quotes.</summary>
    private static string J(string json) => json.Replace('\'', '"');

    [Theory]
    [MemberData(nameof(Bad))]
    public void Map_InvalidPayload_ThrowsOneErrorNamingTheJsonPath(
        string source, string topic, string body, string path, string problem)
    {
        var mapper = new WebhookMapper(new MappingOptions());

        var error = Assert.Throws<PayloadException>(() => mapper.Map(source, topic, Fixture.Text(body)));

        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_IdsBeyondDoublePrecision_AreKeptDigitForDigit()
    {
        var mapper = new WebhookMapper(new MappingOptions());
        var body = J(
            "{'id': 9007199254740993, 'line_items': [{'id': '1234567890123456789', 'sku': 'A', 'quantity': 1}]}");

        var order = Assert.IsType<Core.Orders.PlaceExternalOrder>(
            Assert.Single(mapper.Map("shopify", "orders/create", Fixture.Text(body)).Commands));

        Assert.Equal("9007199254740993", order.OrderId);
        Assert.Equal("1234567890123456789", order.Lines[0].LineId);
        var throughDouble = (long)(double)9007199254740993L;
        Assert.NotEqual(throughDouble.ToString(System.Globalization.CultureInfo.InvariantCulture), order.OrderId);
    }
}
