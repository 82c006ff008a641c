using Inventory.Core.Ledger;

namespace Inventory.Core.Reservations;

/// <summary>Holds stock for the lines of a cart, all or nothing.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="CartId">The cart.</param>
/// <param name="Lines">The lines; each line id once. A line the cart already holds is replaced.</param>
/// <remarks>
/// Lines are checked one after another against one running total per position, so two lines of the same SKU can
/// never both take the same units. The cart's other live holds are extended (sliding expiry).
/// </remarks>
public sealed record ReserveCart(string IdempotencyKey, string CartId, IReadOnlyList<CartLine> Lines)
    : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireId(CartId, "cart id");
        if (Lines is null || Lines.Count == 0)
        {
            throw new InvalidCommandException($"ReserveCart '{IdempotencyKey}': cart '{CartId}' has no lines.");
        }

        RequireNoNulls(Lines, "the cart line");
        RequireDistinct(Lines.Select(l => l.LineId), "line");
        foreach (var line in Lines)
        {
            // Messages are built only on failure: a cart can hold thousands of lines.
            if (line.Sku.Value.Length == 0)
            {
                RequireSet(line.Sku.Value, $"SKU of line '{line.LineId}'");
            }

            if (line.Quantity <= 0)
            {
                RequirePositive(line.Quantity, $"the quantity of line '{line.LineId}' ({line.Sku})");
            }
        }
    }

    internal override string Fingerprint()
    {
        var fingerprint = new CommandFingerprint("reserve").Text(CartId).Count(Lines.Count);
        foreach (var line in Lines)
        {
            fingerprint.Text(line.LineId).Text(line.Sku.Value).Number(line.Quantity).Text(line.Location?.Value);
        }

        return fingerprint.ToString();
    }
}
