using System.Globalization;
using System.Text;
using System.Text.Json;
using Inventory.Core.Variance;
using NodaTime.Text;

namespace Inventory.Core.Benchmarks;

/// <summary>
/// Writes <see cref="VarianceScaleData"/> as the three files <c>inventory reconcile</c> reads: channel.csv (a
/// Shopify export, older layout), warehouse.csv and events.jsonl. Run with
/// <c>dotnet run -c Release --project benchmarks/Inventory.Core.Benchmarks -- variance-files DIR ROWS</c>.
/// </summary>
internal static class VarianceScaleFiles
{
    public static void Write(string directory, int rows)
    {
        Directory.CreateDirectory(directory);
        using (var channel = Text(Path.Combine(directory, "channel.csv")))
        using (var warehouse = Text(Path.Combine(directory, "warehouse.csv")))
        {
            channel.WriteLine("Handle,Title,SKU,Location,Available");
            warehouse.WriteLine("sku,location,on_hand,allocated,damaged,quality_control,as_of");
            var asOf = InstantPattern.ExtendedIso.Format(VarianceScaleData.AsOf);
            for (var row = 0; row < rows; row++)
            {
                var (sku, location) = (VarianceScaleData.SkuOf(row), VarianceScaleData.LocationOf(row));
                var (available, sellable) = VarianceScaleData.Counts(row);
                channel.WriteLine(Invariant($"{sku.Value.ToLowerInvariant()},Item {sku},{sku},{location},{available}"));
                warehouse.WriteLine(Invariant($"{sku},{location},{sellable + 3},3,0,0,{asOf}"));
            }
        }

        using var events = File.Create(Path.Combine(directory, "events.jsonl"));
        using var json = new Utf8JsonWriter(events, new JsonWriterOptions { SkipValidation = true });
        foreach (var item in new VarianceScaleData(rows).AllEvents())
        {
            WriteEvent(json, item);
            json.Flush();
            json.Reset();
            events.WriteByte((byte)'\n');
        }
    }

    /// <summary>
    /// The event lines of <paramref name="rows"/> pairs, as <see cref="Write"/> writes them (without line breaks).
    /// </summary>
    public static IEnumerable<byte[]> EventLines(int rows)
    {
        using var buffer = new MemoryStream();
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        foreach (var item in new VarianceScaleData(rows).AllEvents())
        {
            WriteEvent(json, item);
            json.Flush();
            yield return buffer.ToArray();
            json.Reset();
            buffer.SetLength(0);
        }
    }

    private static StreamWriter Text(string path) => new(path, false, new UTF8Encoding(false), 1 << 16);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void WriteEvent(Utf8JsonWriter json, VarianceEvent item)
    {
        json.WriteStartObject();
        switch (item)
        {
            case SyncWrite write:
                Common(json, "sync_write", item);
                json.WriteNumber("value", write.Value);
                json.WriteString("read_at", InstantPattern.ExtendedIso.Format(write.ReadAt));
                break;
            case OrderEvent order:
                Common(json, "order", item, order.System);
                json.WriteString("order_id", order.OrderId);
                json.WriteNumber("quantity", order.Quantity);
                break;
            case ReturnEvent line:
                Common(json, "return", item, line.System);
                json.WriteString("return_id", line.ReturnId);
                json.WriteString("stage", line.Stage.ToString().ToLowerInvariant());
                json.WriteNumber("quantity", line.Quantity);
                break;
            case DamageEvent damage:
                Common(json, "damage", item, damage.System);
                json.WriteString("damage_id", damage.DamageId);
                json.WriteNumber("quantity", damage.Quantity);
                break;
            case AdjustmentEvent adjustment:
                Common(json, "adjustment", item, adjustment.System);
                json.WriteString("adjustment_id", adjustment.AdjustmentId);
                json.WriteNumber("delta", adjustment.Delta);
                break;
            case BundleSale sale:
                Common(json, "bundle_sale", item, sale.System);
                json.WriteString("order_id", sale.OrderId);
                json.WriteNumber("quantity", sale.Quantity);
                Components(json, sale);
                break;
        }

        json.WriteEndObject();
    }

    private static void Common(Utf8JsonWriter json, string type, VarianceEvent item, VarianceSystem? system = null)
    {
        json.WriteString("type", type);
        json.WriteString("id", item.Id);
        if (system is { } known)
        {
            json.WriteString("system", known == VarianceSystem.Channel ? "channel" : "warehouse");
        }

        json.WriteString("sku", item.Sku.Value);
        json.WriteString("location", item.Location.Value);
        json.WriteString("at", InstantPattern.ExtendedIso.Format(item.At));
    }

    private static void Components(Utf8JsonWriter json, BundleSale sale)
    {
        json.WriteStartArray("components");
        foreach (var component in sale.Components)
        {
            json.WriteStartObject();
            json.WriteString("sku", component.Sku.Value);
            json.WriteNumber("quantity", component.QuantityPerBundle);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
