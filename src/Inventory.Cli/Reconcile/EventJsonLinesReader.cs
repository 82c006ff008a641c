using System.Text.Json;
using Inventory.Cli.Replay;
using Inventory.Core.Stock;
using Inventory.Core.Variance;
using NodaTime;
using NodaTime.Text;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// Reads the event log, one JSON object per line (schema in docs/variance.md), yielding each event as it is read
/// so that the log is never held in memory. Blank lines are skipped.
/// </summary>
internal static class EventJsonLinesReader
{
    public static IEnumerable<VarianceEvent> Read(string path)
    {
        using var reader = new StreamReader(path);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Parse(line, path, number);
            }
        }
    }

    private static VarianceEvent Parse(string line, string path, int number)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            var column = ((ex.BytePositionInLine ?? 0) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new MalformedRowException(path, number, column, line, "expected one JSON object");
        }

        using (document)
        {
            var fields = new EventFields(document.RootElement, path, number);
            try
            {
                var item = Build(fields);
                item.Validate();
                return item;
            }
            catch (VarianceInputException ex)
            {
                throw new MalformedRowException(path, number, "event", line, ex.Message);
            }
        }
    }

    private static VarianceEvent Build(EventFields f) => f.Text("type") switch
    {
        "order" => new OrderEvent(
            f.Text("id"), f.System(), f.Text("order_id"), f.Sku(), f.Location(), f.Number("quantity"), f.At("at")),
        "sync_write" => new SyncWrite(
            f.Text("id"), f.Sku(), f.Location(), f.Number("value"), f.At("read_at"), f.At("at")),
        "return" => new ReturnEvent(
            f.Text("id"), f.System(), f.Text("return_id"), f.Sku(), f.Location(), f.Stage(), f.Number("quantity"),
            f.At("at")),
        "damage" => new DamageEvent(
            f.Text("id"), f.System(), f.Text("damage_id"), f.Sku(), f.Location(), f.Number("quantity"), f.At("at")),
        "adjustment" => new AdjustmentEvent(
            f.Text("id"), f.System(), f.Text("adjustment_id"), f.Sku(), f.Location(), f.Number("delta"),
            f.OptionalText("reason"), f.At("at")),
        "bundle_sale" => new BundleSale(
            f.Text("id"), f.System(), f.Text("order_id"), f.Sku(), f.Location(), f.Number("quantity"),
            f.Components(), f.At("at")),
        "reservation_placed" or "reservation_expired" => new ReservationEvent(
            f.Text("id"), f.Text("reservation_id"), f.Sku(), f.Location(),
            f.Text("type") == "reservation_placed" ? ReservationStage.Placed : ReservationStage.Expired,
            f.Number("quantity"), f.At("at")),
        "oversell" => new OversellEvent(
            f.Text("id"), f.Text("order_id"), f.Sku(), f.Location(), f.Number("quantity"), f.At("at")),
        var other => throw f.Bad(
            "type", other, "expected order, sync_write, return, damage, adjustment, bundle_sale, " +
            "reservation_placed, reservation_expired or oversell"),
    };

    private readonly struct EventFields(JsonElement root, string path, int line)
    {
        public string Text(string name) =>
            root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
                ? text
                : throw Bad(name, Raw(name), "expected a non-empty string");

        public string? OptionalText(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        public long Number(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var number)
                ? number
                : throw Bad(name, Raw(name), "expected a whole number");

        public Instant At(string name)
        {
            var parsed = InstantPattern.ExtendedIso.Parse(Text(name));
            return parsed.Success ? parsed.Value : throw Bad(name, Raw(name), "expected an ISO-8601 UTC instant");
        }

        public Sku Sku() => Core.Stock.Sku.TryCreate(Text("sku"), out var sku)
            ? sku
            : throw Bad("sku", Raw("sku"), "expected a SKU of 1 to 255 characters");

        public LocationId Location() => LocationId.TryCreate(Text("location"), out var location)
            ? location
            : throw Bad("location", Raw("location"), "expected a location name");

        public VarianceSystem System() => Text("system") switch
        {
            "channel" => VarianceSystem.Channel,
            "warehouse" => VarianceSystem.Warehouse,
            var other => throw Bad("system", other, "expected channel or warehouse"),
        };

        public ReturnStage Stage() => Text("stage") switch
        {
            "initiated" => ReturnStage.Initiated,
            "received" => ReturnStage.Received,
            "restocked" => ReturnStage.Restocked,
            var other => throw Bad("stage", other, "expected initiated, received or restocked"),
        };

        public IReadOnlyList<BundleComponent> Components()
        {
            if (!root.TryGetProperty("components", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw Bad("components", Raw("components"), "expected an array (empty for parent only)");
            }

            var self = this;
            return [.. list.EnumerateArray().Select(item => self.Component(item))];
        }

        public MalformedRowException Bad(string field, string value, string problem) =>
            new(path, line, field, value, problem);

        private BundleComponent Component(JsonElement item)
        {
            var inner = new EventFields(item, path, line);
            return new BundleComponent(inner.Sku(), inner.Number("quantity"));
        }

        private string Raw(string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value)
                ? value.GetRawText()
                : "(missing)";
    }
}
