using Inventory.Core.Ledger;

namespace Inventory.Core.Stock;

/// <summary>A manual change of one on-hand state, with the reason and the operator behind it.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The location.</param>
/// <param name="Quantity">Signed units: positive adds to on hand and <paramref name="Bucket"/>,
/// negative removes.</param>
/// <param name="Bucket">The state that changes together with on hand.</param>
/// <param name="Reason">The reason code or text; null when none was given.</param>
/// <param name="Operator">Who made the change; null when unknown.</param>
/// <remarks>
/// The ledger refuses an adjustment that would take on hand, or the adjusted state, below zero. An adjustment that
/// removes available units held by carts or orders is applied (the units are gone) and recorded as an oversell.
/// </remarks>
public sealed record AdjustStock(
    string IdempotencyKey,
    Sku Sku,
    LocationId Location,
    long Quantity,
    StockBucket Bucket = StockBucket.Available,
    string? Reason = null,
    string? Operator = null) : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireSet(Sku.Value, "SKU");
        RequireSet(Location.Value, "location");
        if (Quantity == 0)
        {
            throw new InvalidCommandException(
                $"AdjustStock '{IdempotencyKey}': the quantity for {Sku} @ {Location} is 0.");
        }

        if (!Enum.IsDefined(Bucket))
        {
            throw new InvalidCommandException($"AdjustStock '{IdempotencyKey}': bucket {(int)Bucket} is not defined.");
        }
    }

    internal override string Fingerprint() => new CommandFingerprint("adjust")
        .Text(Sku.Value).Text(Location.Value).Number(Quantity).Text(Bucket.ToString()).Text(Reason).Text(Operator)
        .ToString();
}
