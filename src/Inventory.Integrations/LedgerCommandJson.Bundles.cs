using System.Text.Json;
using Inventory.Core.Bundles;
using Inventory.Core.Reservations;
using NodaTime;
using NodaTime.Text;

namespace Inventory.Integrations;

/// <content>The JSON form of a cart reservation and of a bundle cart's commit.</content>
public static partial class LedgerCommandJson
{
    private static void WriteCart(Utf8JsonWriter writer, ReserveCart command)
    {
        writer.WriteString("cartId", command.CartId);
        writer.WriteStartArray("lines");
        foreach (var line in command.Lines)
        {
            writer.WriteStartObject();
            writer.WriteString("lineId", line.LineId);
            writer.WriteString("sku", line.Sku.Value);
            writer.WriteNumber("quantity", line.Quantity);
            writer.WriteString("location", line.Location?.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteBundleCommit(Utf8JsonWriter writer, CommitBundleCart command)
    {
        writer.WriteString("cartId", command.CartId);
        writer.WriteString("orderId", command.OrderId);
        writer.WriteStartArray("sales");
        foreach (var sale in command.Sales)
        {
            WriteSale(writer, command, sale);
        }

        writer.WriteEndArray();
    }

    private static void WriteSale(Utf8JsonWriter writer, CommitBundleCart command, BundleSale sale)
    {
        // The form names the definition's parent once, as the line's bundle; a sale whose definition is of
        // another bundle is one the ledger refuses, so it has no form rather than a silently corrected one.
        if (!sale.Definition.Parent.Equals(sale.Bundle))
        {
            throw new ArgumentException(
                $"CommitBundleCart '{command.IdempotencyKey}': bundle line '{sale.LineId}' ({sale.Bundle}) carries a "
                + $"definition of {sale.Definition.Parent}, which has no JSON form.",
                nameof(command));
        }

        writer.WriteStartObject();
        writer.WriteString("lineId", sale.LineId);
        writer.WriteString("bundle", sale.Bundle.Value);
        writer.WriteNumber("quantity", sale.Quantity);
        writer.WriteString("soldAt", Iso(sale.SoldAt));
        writer.WriteStartObject("definition");
        writer.WriteString("validFrom", sale.Definition.ValidFrom is { } from ? Iso(from) : null);
        writer.WriteString("validTo", sale.Definition.ValidTo is { } to ? Iso(to) : null);
        WriteComponents(writer, "components", sale.Definition.Components);
        writer.WriteEndObject();
        WriteComponents(writer, "perBundle", sale.PerBundle);
        writer.WriteEndObject();
    }

    private static void WriteComponents(Utf8JsonWriter writer, string name, IReadOnlyList<BundleComponent> components)
    {
        writer.WriteStartArray(name);
        foreach (var component in components)
        {
            writer.WriteStartObject();
            writer.WriteString("sku", component.Sku.Value);
            writer.WriteNumber("quantity", component.Quantity);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string Iso(Instant at) => InstantPattern.ExtendedIso.Format(at);
}
