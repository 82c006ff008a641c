using Inventory.Core.Ledger;

namespace Inventory.Core.Orders;

/// <summary>Ships committed units: committed and on hand both go down.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Lines">What shipped; null ships everything still open.</param>
/// <remarks>Shipping more than a line has open is refused, changing nothing.</remarks>
public sealed record FulfilOrder(string IdempotencyKey, string OrderId, IReadOnlyList<FulfilmentLine>? Lines = null)
    : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireId(OrderId, "order id");
        if (Lines is null)
        {
            return;
        }

        if (Lines.Count == 0)
        {
            throw new InvalidCommandException(
                $"FulfilOrder '{IdempotencyKey}': the line list is empty; pass null to ship all.");
        }

        RequireNoNulls(Lines, "the fulfilment line");
        foreach (var line in Lines)
        {
            RequireId(line.LineId, "line id");
            if (line.Quantity <= 0)
            {
                RequirePositive(line.Quantity, $"the shipped quantity of line '{line.LineId}'");
            }
        }
    }

    internal override string Fingerprint()
    {
        var fingerprint = new CommandFingerprint("fulfil").Text(OrderId).Count(Lines?.Count);
        foreach (var line in Lines ?? [])
        {
            fingerprint.Text(line.LineId).Number(line.Quantity).Text(line.Location?.Value);
        }

        return fingerprint.ToString();
    }
}
