using System.Text.Json;
using Inventory.Core.Ledger;
using Inventory.Core.Bundles;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using static Inventory.Integrations.Payloads.PayloadReader;

namespace Inventory.Integrations;

/// <summary>Reads commands back from the JSON form <see cref="LedgerCommandJson"/> writes.</summary>
/// <remarks>Stateless; safe for concurrent use.</remarks>
public static partial class LedgerCommandReader
{
    /// <summary>Reads one command from a JSON object.</summary>
    /// <param name="command">The object.</param>
    /// <param name="path">Its JSON path, for messages.</param>
    /// <returns>The command.</returns>
    /// <exception cref="PayloadException">Thrown when a field is missing or invalid, or the type unknown.</exception>
    public static LedgerCommand Read(JsonElement command, string path)
    {
        var type = String(command, path, "type");
        var key = String(command, path, "idempotencyKey");
        LedgerCommand read;
        try
        {
            read = ReadFields(command, path, type, key);
        }
        catch (ArgumentException ex)
        {
            throw new PayloadException(path, ex.Message);
        }

        return read with { Source = OptionalString(command, path, "source") };
    }

    /// <summary>Reads one command from a line of JSON text.</summary>
    /// <param name="json">The line.</param>
    /// <param name="where">Where the line is (file and line number), for messages.</param>
    /// <returns>The command.</returns>
    /// <exception cref="PayloadException">Thrown when the line is not a valid command.</exception>
    public static LedgerCommand ReadLine(string json, string where)
    {
        var path = where + ": $";
        using var document = ParseLine(json, path);

        return Read(document.RootElement, path);
    }

    /// <summary>Parses one line; a fault is placed by its byte in the line, as the caller has named the line.</summary>
    private static JsonDocument ParseLine(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new PayloadException(path, $"malformed JSON at byte {ex.BytePositionInLine + 1}: {ex.Message}");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new PayloadException(path, "the line must be a JSON object");
        }

        return document;
    }

    private static LedgerCommand ReadFields(JsonElement c, string path, string type, string key) => type switch
    {
        nameof(PlaceExternalOrder) => new PlaceExternalOrder(key, String(c, path, "orderId"), Lines(c, path)),
        nameof(CancelOrder) => new CancelOrder(key, String(c, path, "orderId")),
        nameof(FulfilOrder) => new FulfilOrder(key, String(c, path, "orderId"), Shipments(c, path)),
        nameof(RestockRefund) => new RestockRefund(
            key, String(c, path, "orderId"), String(c, path, "lineId"), Quantity(c, path, "quantity"),
            Enum<RefundRestock>(c, path, "restock"), Location(c, path)),
        nameof(InitiateReturn) => new InitiateReturn(
            key, String(c, path, "returnId"), String(c, path, "lineId"), new Sku(String(c, path, "sku")),
            new LocationId(String(c, path, "location")), Quantity(c, path, "quantity")),
        nameof(ReceiveReturn) => new ReceiveReturn(
            key, String(c, path, "returnId"), String(c, path, "lineId"), Receipts(c, path)),
        nameof(CloseReturn) => new CloseReturn(
            key, String(c, path, "returnId"), Enum<ReturnClosure>(c, path, "closure")),
        nameof(CompleteInspection) => new CompleteInspection(
            key, new Sku(String(c, path, "sku")), new LocationId(String(c, path, "location")),
            Quantity(c, path, "quantity"), Enum<InspectionOutcome>(c, path, "outcome"),
            OptionalString(c, path, "reference")),
        nameof(ReceiveStock) => new ReceiveStock(
            key, new Sku(String(c, path, "sku")), new LocationId(String(c, path, "location")),
            Quantity(c, path, "quantity"),
            OptionalString(c, path, "kind") is null ? ReceiptKind.Purchase : Enum<ReceiptKind>(c, path, "kind"),
            OptionalString(c, path, "reference")),
        nameof(ReserveCart) => new ReserveCart(key, String(c, path, "cartId"), CartLines(c, path)),
        nameof(CommitBundleCart) => new CommitBundleCart(
            key, String(c, path, "cartId"), String(c, path, "orderId"), Sales(c, path)),
        nameof(SetAvailable) => new SetAvailable(
            key, new Sku(String(c, path, "sku")), new LocationId(String(c, path, "location")),
            Signed(c, path, "available")),
        _ => throw new PayloadException(Join(path, "type"), $"unknown command type '{type}'"),
    };

    private static List<ExternalOrderLine> Lines(JsonElement c, string path)
    {
        var lines = new List<ExternalOrderLine>();
        var index = 0;
        foreach (var line in Array(c, path, "lines"))
        {
            var at = Index(path, "lines", index++);
            lines.Add(new ExternalOrderLine(
                String(line, at, "lineId"), new Sku(String(line, at, "sku")),
                new LocationId(String(line, at, "location")), Quantity(line, at, "quantity")));
        }

        return lines;
    }

    private static List<FulfilmentLine>? Shipments(JsonElement c, string path)
    {
        if (!TryGet(c, path, "lines", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var lines = new List<FulfilmentLine>();
        var index = 0;
        foreach (var line in Array(c, path, "lines"))
        {
            var at = Index(path, "lines", index++);
            lines.Add(new FulfilmentLine(
                String(line, at, "lineId"), Quantity(line, at, "quantity"), Location(line, at)));
        }

        return lines;
    }

    private static List<ReturnReceipt> Receipts(JsonElement c, string path)
    {
        var receipts = new List<ReturnReceipt>();
        var index = 0;
        foreach (var receipt in Array(c, path, "receipts"))
        {
            var at = Index(path, "receipts", index++);
            receipts.Add(new ReturnReceipt(
                Enum<ReturnCondition>(receipt, at, "condition"), Quantity(receipt, at, "quantity")));
        }

        return receipts;
    }

    private static LocationId? Location(JsonElement c, string path) =>
        OptionalString(c, path, "location") is { } text ? new LocationId(text) : null;

    private static T Enum<T>(JsonElement c, string path, string name)
        where T : struct, Enum
    {
        var text = String(c, path, name);

        return System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            && !char.IsDigit(text[0])
            ? value
            : throw new PayloadException(
                Join(path, name), $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
    }
}
