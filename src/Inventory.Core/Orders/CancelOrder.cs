using Inventory.Core.Ledger;

namespace Inventory.Core.Orders;

/// <summary>Cancels an order, or some of its lines, releasing only what is still open.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="OrderId">The order.</param>
/// <param name="LineIds">The lines to cancel; null cancels every line.</param>
/// <remarks>
/// Shipped units are never compensated, and units already cancelled are never released twice: a second cancel
/// applies with no entries.
/// </remarks>
public sealed record CancelOrder(string IdempotencyKey, string OrderId, IReadOnlyList<string>? LineIds = null)
    : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireId(OrderId, "order id");
        if (LineIds is not null)
        {
            RequireDistinct(LineIds, "line");
        }
    }

    internal override string Fingerprint()
    {
        var fingerprint = new CommandFingerprint("cancel").Text(OrderId).Count(LineIds?.Count);
        foreach (var lineId in LineIds ?? [])
        {
            fingerprint.Text(lineId);
        }

        return fingerprint.ToString();
    }
}
