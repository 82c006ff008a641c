using Inventory.Core.Ledger;

namespace Inventory.Core.Returns;

/// <summary>Units of a return line arrived, in one or more groups by condition.</summary>
/// <param name="IdempotencyKey">The command's key; a source event id makes a repeated delivery harmless.</param>
/// <param name="ReturnId">The return.</param>
/// <param name="LineId">The return line.</param>
/// <param name="Receipts">The groups of units by condition; at least one.</param>
/// <remarks>
/// Every unit received leaves incoming. Resellable units become available, units to inspect go into quality
/// control, damaged units into damaged, and units not restocked leave on hand unchanged. Receiving more than the
/// line still expects is refused whole (<see cref="LedgerStatus.ExceedsExpectedReturn"/>).
/// Immutable; safe to share between threads.
/// </remarks>
public sealed record ReceiveReturn(
    string IdempotencyKey, string ReturnId, string LineId, IReadOnlyList<ReturnReceipt> Receipts)
    : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireId(ReturnId, "return id");
        RequireId(LineId, "return line id");
        if (Receipts is null || Receipts.Count == 0)
        {
            throw new InvalidCommandException($"ReceiveReturn '{IdempotencyKey}': give at least one receipt.");
        }

        RequireNoNulls(Receipts, "receipt");
        foreach (var receipt in Receipts)
        {
            RequirePositive(receipt.Quantity, $"the {receipt.Condition} quantity");
            if (!Enum.IsDefined(receipt.Condition))
            {
                throw new InvalidCommandException(
                    $"ReceiveReturn '{IdempotencyKey}': condition {(int)receipt.Condition} is not defined.");
            }
        }
    }

    internal override string Fingerprint() =>
        $"return-receive {ReturnId}/{LineId}: "
        + string.Join(", ", Receipts.Select(r => $"{r.Condition} {r.Quantity}"));
}
