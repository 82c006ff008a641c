using Inventory.Core.Ledger;
using Inventory.Core.Stock;

namespace Inventory.Core.Returns;

/// <summary>Units in quality control were inspected: they become available or damaged.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The location.</param>
/// <param name="Quantity">Units inspected; positive and at most the units in quality control.</param>
/// <param name="Outcome">What the inspection found.</param>
/// <param name="Reference">The return or document the units belong to, if any.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record CompleteInspection(
    string IdempotencyKey, Sku Sku, LocationId Location, long Quantity, InspectionOutcome Outcome,
    string? Reference = null) : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireSet(Sku.Value, "SKU");
        RequireSet(Location.Value, "location");
        RequirePositive(Quantity, "the inspected quantity");
        if (!Enum.IsDefined(Outcome))
        {
            throw new InvalidCommandException(
                $"CompleteInspection '{IdempotencyKey}': outcome {(int)Outcome} is not defined.");
        }
    }

    internal override string Fingerprint() => $"inspect {Sku}@{Location} {Quantity} {Outcome} {Reference}";
}
