using Inventory.Core.Ledger;

namespace Inventory.Core.Stock;

/// <summary>Sets on hand to the result of a physical count.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The counted location.</param>
/// <param name="CountedOnHand">Units found; zero or more.</param>
/// <param name="Counter">Who counted, if known.</param>
/// <remarks>
/// A count is a fact from outside: it is applied even when it leaves less than committed and reserved
/// stock need, and the ledger then records the shortfall as an oversell.
/// </remarks>
public sealed record SetCount(
    string IdempotencyKey,
    Sku Sku,
    LocationId Location,
    long CountedOnHand,
    string? Counter = null) : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireSet(Sku.Value, "SKU");
        RequireSet(Location.Value, "location");
        if (CountedOnHand < 0)
        {
            throw new InvalidCommandException(
                $"SetCount '{IdempotencyKey}': the count for {Sku} @ {Location} must not be negative "
                + $"(was {CountedOnHand}).");
        }
    }

    internal override string Fingerprint() => new CommandFingerprint("count")
        .Text(Sku.Value).Text(Location.Value).Number(CountedOnHand).Text(Counter).ToString();
}
