using Inventory.Core.Ledger;
using Inventory.Core.Stock;

namespace Inventory.Core.Bundles;

/// <summary>The outcome of one partial return of a bundle line.</summary>
/// <param name="LineId">The sold line.</param>
/// <param name="Currency">The currency of the refund.</param>
/// <param name="Components">Per returned component line, in the order given: units, state and refund.</param>
/// <param name="WholeBundlesBefore">Whole bundles returned before this return.</param>
/// <param name="WholeBundlesReturned">Whole bundles returned counting this return.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record BundleReturnResult(
    string LineId,
    string Currency,
    IReadOnlyList<ComponentRefund> Components,
    long WholeBundlesBefore,
    long WholeBundlesReturned)
{
    /// <summary>Gets the refund of this return: exactly the sum of the components' parts.</summary>
    public decimal RefundTotal => Components.Sum(c => c.Refund);

    /// <summary>Gets the ledger commands that restock the returned units, one per component line.</summary>
    /// <param name="keyPrefix">The prefix of each command's idempotency key; one return, one prefix.</param>
    /// <param name="location">Where the units come back to.</param>
    /// <returns>A return receipt for sellable units; an adjustment into damaged or quality control
    /// otherwise.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="keyPrefix"/> is blank.</exception>
    public IReadOnlyList<LedgerCommand> RestockCommands(string keyPrefix, LocationId location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyPrefix);

        return [.. Components.Select((c, i) => Restock(c, $"{keyPrefix}/{i + 1}/{c.Sku}", location))];
    }

    private LedgerCommand Restock(ComponentRefund component, string key, LocationId location) =>
        component.Bucket == StockBucket.Available
            ? new ReceiveStock(key, component.Sku, location, component.Quantity, ReceiptKind.Return, LineId)
            : new AdjustStock(
                key, component.Sku, location, component.Quantity, component.Bucket, $"return of {LineId}");
}
