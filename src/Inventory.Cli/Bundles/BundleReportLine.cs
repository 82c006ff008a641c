using System.Text.Json;
using Inventory.Core.Bundles;
using Inventory.Core.Stock;

namespace Inventory.Cli.Bundles;

/// <summary>One top-level bundle of an availability report.</summary>
internal sealed record BundleReportLine(
    Sku Bundle, IReadOnlyList<BundleAvailability> PerLocation, BundleAvailability Pooled)
{
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("sku", Bundle.Value);
        json.WriteNumber("pooled", Pooled.Quantity);
        json.WriteString("pooledLimiting", Pooled.Limiting.Value);
        json.WriteStartArray("locations");
        foreach (var availability in PerLocation)
        {
            json.WriteStartObject();
            json.WriteString("location", availability.Location?.Value);
            json.WriteNumber("available", availability.Quantity);
            json.WriteString("limiting", availability.Limiting.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
