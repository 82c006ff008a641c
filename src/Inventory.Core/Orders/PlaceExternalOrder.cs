using Inventory.Core.Ledger;

namespace Inventory.Core.Orders;

/// <summary>Records an order that another channel already took, without a prior hold.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="OrderId">The order; it must not exist yet.</param>
/// <param name="Lines">The lines; each line id once.</param>
/// <remarks>
/// The order is a fact: its units are committed even when too few are available, and every shortfall is
/// recorded as an oversell entry and returned in <see cref="LedgerResult.Oversells"/>.
/// </remarks>
public sealed record PlaceExternalOrder(string IdempotencyKey, string OrderId, IReadOnlyList<ExternalOrderLine> Lines)
    : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireId(OrderId, "order id");
        if (Lines is null || Lines.Count == 0)
        {
            throw new InvalidCommandException(
                $"PlaceExternalOrder '{IdempotencyKey}': order '{OrderId}' has no lines.");
        }

        RequireNoNulls(Lines, "the order line");
        RequireDistinct(Lines.Select(l => l.LineId), "line");
        foreach (var line in Lines)
        {
            // Messages are built only on failure: an order can hold thousands of lines.
            if (line.Sku.Value.Length == 0 || line.Location.Value.Length == 0 || line.Quantity <= 0)
            {
                RequireSet(line.Sku.Value, $"SKU of line '{line.LineId}'");
                RequireSet(line.Location.Value, $"location of line '{line.LineId}'");
                RequirePositive(line.Quantity, $"the quantity of line '{line.LineId}' ({line.Sku})");
            }
        }
    }

    internal override string Fingerprint()
    {
        var fingerprint = new CommandFingerprint("external").Text(OrderId).Count(Lines.Count);
        foreach (var line in Lines)
        {
            fingerprint.Text(line.LineId).Text(line.Sku.Value).Number(line.Quantity).Text(line.Location.Value);
        }

        return fingerprint.ToString();
    }
}
