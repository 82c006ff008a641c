using Inventory.Core.Ledger;

namespace Inventory.Core.Stock;

/// <summary>Units arrive on hand at a location: a delivery, or returned goods fit to sell again.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The receiving location.</param>
/// <param name="Quantity">Units received; positive.</param>
/// <param name="Kind"><see cref="ReceiptKind.Purchase"/> for new stock,
/// <see cref="ReceiptKind.Return"/> for a restock.</param>
/// <param name="Reference">The document the units came with (purchase order, return), if any.</param>
public sealed record ReceiveStock(
    string IdempotencyKey,
    Sku Sku,
    LocationId Location,
    long Quantity,
    ReceiptKind Kind = ReceiptKind.Purchase,
    string? Reference = null) : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireSet(Sku.Value, "SKU");
        RequireSet(Location.Value, "location");
        RequirePositive(Quantity, "the received quantity");
        if (!Enum.IsDefined(Kind))
        {
            throw new InvalidCommandException(
                $"ReceiveStock '{IdempotencyKey}': receipt kind {(int)Kind} is not defined.");
        }
    }

    internal override string Fingerprint() => new CommandFingerprint("receive")
        .Text(Kind.ToString()).Text(Sku.Value).Text(Location.Value).Number(Quantity).Text(Reference).ToString();
}
