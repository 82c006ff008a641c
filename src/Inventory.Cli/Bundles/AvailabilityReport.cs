using System.Text.Json;
using Inventory.Core.Bundles;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Cli.Bundles;

/// <summary>The availability of every top-level bundle at one instant: per location, and pooled.</summary>
internal sealed record AvailabilityReport(
    Instant At, IReadOnlyList<LocationId> Locations, IReadOnlyList<BundleReportLine> Bundles)
{
    public static AvailabilityReport Build(BundleCatalog catalog, ComponentStock stock, Instant at, LocationId? only)
    {
        IReadOnlyList<LocationId> locations = only is { } one ? [one] : [.. stock.Locations];
        var lines = new List<BundleReportLine>();
        foreach (var bundle in catalog.TopLevelBundles(at))
        {
            var perLocation = BundleMath.Availability(
                catalog, bundle, at, stock, locations, AvailabilityScope.PerLocation);
            var pooled = BundleMath.Availability(catalog, bundle, at, stock, locations, AvailabilityScope.Pooled)[0];
            lines.Add(new BundleReportLine(bundle, perLocation, pooled));
        }

        return new AvailabilityReport(at, locations, lines);
    }

    public void WriteJson(TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("at", At.ToString());
            json.WriteString("pooledOver", string.Join(",", Locations));
            json.WriteStartArray("bundles");
            foreach (var line in Bundles)
            {
                line.WriteJson(json);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    public void WriteText(TextWriter output)
    {
        output.WriteLine($"Bundle availability at {At} ({Bundles.Count} top-level bundles)");
        foreach (var line in Bundles)
        {
            var where = string.Join(
                ", ", line.PerLocation.Select(a => $"{a.Location}: {a.Quantity} (limit {a.Limiting})"));
            output.WriteLine($"{line.Bundle}: pooled {line.Pooled.Quantity} (limit {line.Pooled.Limiting}); {where}");
        }
    }
}
