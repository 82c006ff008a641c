using Inventory.Core.Ledger;

namespace Inventory.Core.Stock;

/// <summary>Sets one on-hand state to the result of a physical count.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The counted location.</param>
/// <param name="Counted">Units found; zero or more. For <see cref="StockBucket.Available"/> this is the whole of on
/// hand; for any other bucket it is that bucket's units.</param>
/// <param name="Counter">Who counted, if known.</param>
/// <param name="Bucket">The counted state; on hand changes by the same units as the state.</param>
/// <param name="Reason">The reason code or text; null when none was given.</param>
/// <remarks>
/// <para>
/// The ledger works out the change from the position it holds when it decides, inside its guarded write, so two
/// counts of one bucket sent at once both end at the counted value instead of adding their changes.
/// </para>
/// <para>
/// A count is a fact from outside: an on-hand count is applied even when it leaves less than committed and reserved
/// stock need, and the ledger then records the shortfall as an oversell. A count of another bucket moves on hand
/// with the bucket, so available does not change.
/// </para>
/// </remarks>
public sealed record SetCount(
    string IdempotencyKey,
    Sku Sku,
    LocationId Location,
    long Counted,
    string? Counter = null,
    StockBucket Bucket = StockBucket.Available,
    string? Reason = null) : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireSet(Sku.Value, "SKU");
        RequireSet(Location.Value, "location");
        if (Counted < 0)
        {
            throw new InvalidCommandException(
                $"SetCount '{IdempotencyKey}': the count for {Sku} @ {Location} must not be negative "
                + $"(was {Counted}).");
        }

        if (!Enum.IsDefined(Bucket))
        {
            throw new InvalidCommandException($"SetCount '{IdempotencyKey}': bucket {(int)Bucket} is not defined.");
        }
    }

    internal override string Fingerprint() => new CommandFingerprint("count")
        .Text(Sku.Value).Text(Location.Value).Number(Counted).Text(Counter).Text(Bucket.ToString()).Text(Reason)
        .ToString();
}
