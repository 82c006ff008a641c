using System.Text.Json;
using Inventory.Core.Bundles;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using NodaTime;
using NodaTime.Text;
using static Inventory.Integrations.Payloads.PayloadReader;

namespace Inventory.Integrations;

/// <content>Reads a cart reservation and a bundle cart's commit.</content>
public static partial class LedgerCommandReader
{
    private static List<CartLine> CartLines(JsonElement c, string path)
    {
        var lines = new List<CartLine>();
        var index = 0;
        foreach (var line in Array(c, path, "lines"))
        {
            var at = Index(path, "lines", index++);
            lines.Add(new CartLine(
                String(line, at, "lineId"), new Sku(String(line, at, "sku")), Quantity(line, at, "quantity"),
                Location(line, at)));
        }

        return lines;
    }

    private static List<BundleSale> Sales(JsonElement c, string path)
    {
        var sales = new List<BundleSale>();
        var index = 0;
        foreach (var sale in Array(c, path, "sales"))
        {
            sales.Add(Sale(sale, Index(path, "sales", index++)));
        }

        return sales;
    }

    private static BundleSale Sale(JsonElement sale, string path)
    {
        var lineId = String(sale, path, "lineId");
        var bundle = new Sku(String(sale, path, "bundle"));
        var quantity = Quantity(sale, path, "quantity");
        var soldAt = RequiredInstant(sale, path, "soldAt");
        var definitionPath = Join(path, "definition");
        var definition = Object(sale, path, "definition");
        var version = new BundleDefinition(
            bundle,
            Components(definition, definitionPath, "components"),
            OptionalInstant(definition, definitionPath, "validFrom"),
            OptionalInstant(definition, definitionPath, "validTo"));

        return new BundleSale(lineId, bundle, quantity, soldAt, version, Components(sale, path, "perBundle"));
    }

    private static List<BundleComponent> Components(JsonElement parent, string path, string name)
    {
        var components = new List<BundleComponent>();
        var index = 0;
        foreach (var component in Array(parent, path, name))
        {
            var at = Index(path, name, index++);
            components.Add(new BundleComponent(
                new Sku(String(component, at, "sku")), Quantity(component, at, "quantity")));
        }

        return components;
    }

    private static Instant RequiredInstant(JsonElement parent, string path, string name) =>
        OptionalInstant(parent, path, name)
        ?? throw new PayloadException(Join(path, name), "is required and was missing or null");

    private static Instant? OptionalInstant(JsonElement parent, string path, string name)
    {
        if (OptionalString(parent, path, name) is not { } text)
        {
            return null;
        }

        var parsed = InstantPattern.ExtendedIso.Parse(text);

        return parsed.Success
            ? parsed.Value
            : throw new PayloadException(
                Join(path, name), $"an ISO-8601 instant such as 2026-03-02T09:00:00Z is expected (was '{text}')");
    }
}
