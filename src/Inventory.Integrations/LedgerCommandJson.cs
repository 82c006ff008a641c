using System.Text.Json;
using Inventory.Core.Ledger;
using Inventory.Core.Bundles;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Returns;
using Inventory.Core.Stock;

namespace Inventory.Integrations;

/// <summary>Writes the commands the mappers produce as JSON objects, one field per command member.</summary>
/// <remarks>Stateless; safe for concurrent use.</remarks>
public static partial class LedgerCommandJson
{
    /// <summary>Writes one command as a JSON object with its <c>type</c>, key and fields.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="command">The command.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// Thrown for a command type with no JSON form, or a <c>CommitBundleCart</c> sale whose definition is of another
    /// bundle than the line's (one the ledger refuses).
    /// </exception>
    public static void Write(Utf8JsonWriter writer, LedgerCommand command)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(command);

        writer.WriteStartObject();
        writer.WriteString("type", command.GetType().Name);
        writer.WriteString("idempotencyKey", command.IdempotencyKey);
        if (command.Source is not null)
        {
            writer.WriteString("source", command.Source);
        }

        WriteFields(writer, command);
        writer.WriteEndObject();
    }

    /// <summary>Describes a command in one line of text.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The type, key and fields.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="command"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// Thrown when the command has no JSON form (see <see cref="Write"/>).
    /// </exception>
    public static string Describe(LedgerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, command);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteFields(Utf8JsonWriter writer, LedgerCommand command)
    {
        switch (command)
        {
            case PlaceExternalOrder c:
                writer.WriteString("orderId", c.OrderId);
                writer.WriteStartArray("lines");
                foreach (var line in c.Lines)
                {
                    writer.WriteStartObject();
                    writer.WriteString("lineId", line.LineId);
                    Position(writer, line.Sku, line.Location, line.Quantity);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case CancelOrder c:
                writer.WriteString("orderId", c.OrderId);
                break;
            case FulfilOrder c:
                writer.WriteString("orderId", c.OrderId);
                if (c.Lines is not null)
                {
                    writer.WriteStartArray("lines");
                    foreach (var line in c.Lines)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("lineId", line.LineId);
                        writer.WriteNumber("quantity", line.Quantity);
                        writer.WriteString("location", line.Location?.Value);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                break;
            case RestockRefund c:
                writer.WriteString("orderId", c.OrderId);
                writer.WriteString("lineId", c.LineId);
                writer.WriteNumber("quantity", c.Quantity);
                writer.WriteString("restock", c.Restock.ToString());
                writer.WriteString("location", c.Location?.Value);
                break;
            case InitiateReturn c:
                Return(writer, c.ReturnId, c.LineId);
                Position(writer, c.Sku, c.Location, c.Quantity);
                break;
            case ReceiveReturn c:
                Return(writer, c.ReturnId, c.LineId);
                writer.WriteStartArray("receipts");
                foreach (var receipt in c.Receipts)
                {
                    writer.WriteStartObject();
                    writer.WriteString("condition", receipt.Condition.ToString());
                    writer.WriteNumber("quantity", receipt.Quantity);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case CloseReturn c:
                writer.WriteString("returnId", c.ReturnId);
                writer.WriteString("closure", c.Closure.ToString());
                break;
            case CompleteInspection c:
                Position(writer, c.Sku, c.Location, c.Quantity);
                writer.WriteString("outcome", c.Outcome.ToString());
                writer.WriteString("reference", c.Reference);
                break;
            case ReceiveStock c:
                Position(writer, c.Sku, c.Location, c.Quantity);
                writer.WriteString("kind", c.Kind.ToString());
                writer.WriteString("reference", c.Reference);
                break;
            case ReserveCart c:
                WriteCart(writer, c);
                break;
            case CommitBundleCart c:
                WriteBundleCommit(writer, c);
                break;
            case SetAvailable c:
                writer.WriteString("sku", c.Sku.Value);
                writer.WriteString("location", c.Location.Value);
                writer.WriteNumber("available", c.Available);
                break;
            default:
                throw new ArgumentException(
                    $"Command type {command.GetType().Name} has no JSON form.", nameof(command));
        }
    }

    private static void Return(Utf8JsonWriter writer, string returnId, string lineId)
    {
        writer.WriteString("returnId", returnId);
        writer.WriteString("lineId", lineId);
    }

    private static void Position(Utf8JsonWriter writer, Sku sku, LocationId location, long quantity)
    {
        writer.WriteString("sku", sku.Value);
        writer.WriteString("location", location.Value);
        writer.WriteNumber("quantity", quantity);
    }
}
