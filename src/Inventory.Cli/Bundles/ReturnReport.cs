using System.Text.Json;
using Inventory.Core.Bundles;

namespace Inventory.Cli.Bundles;

/// <summary>Writes the outcome of a bundle return as text or JSON.</summary>
internal static class ReturnReport
{
    public static void WriteJson(BundleReturnResult result, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("lineId", result.LineId);
            json.WriteString("currency", result.Currency);
            json.WriteNumber("refundTotal", result.RefundTotal);
            json.WriteNumber("wholeBundlesBefore", result.WholeBundlesBefore);
            json.WriteNumber("wholeBundlesReturned", result.WholeBundlesReturned);
            json.WriteStartArray("components");
            foreach (var component in result.Components)
            {
                json.WriteStartObject();
                json.WriteString("sku", component.Sku.Value);
                json.WriteNumber("quantity", component.Quantity);
                json.WriteString("restockedAs", component.Bucket.ToString());
                json.WriteNumber("refund", component.Refund);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static void WriteText(BundleReturnResult result, TextWriter output)
    {
        output.WriteLine(
            $"Return of line {result.LineId}: refund {result.RefundTotal} {result.Currency} (minor units); "
            + $"whole bundles returned {result.WholeBundlesReturned} (before {result.WholeBundlesBefore})");
        foreach (var component in result.Components)
        {
            output.WriteLine(
                $"  {component.Sku}: {component.Quantity} restocked as {component.Bucket}, refund {component.Refund}");
        }
    }
}
