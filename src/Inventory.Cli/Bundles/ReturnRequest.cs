using Inventory.Core.Bundles;
using Inventory.Core.Stock;

namespace Inventory.Cli.Bundles;

/// <summary>A sold bundle line as read from sale.json, with what had come back before.</summary>
internal sealed record ReturnRequest(
    BundleSale Sale,
    decimal PricePaid,
    string Currency,
    IReadOnlyList<ReturnedComponent> AlreadyReturned,
    IReadOnlyDictionary<Sku, decimal>? Weights)
{
    public BundleReturnResult Calculate(IReadOnlyList<ReturnedComponent> returning) =>
        BundleReturnCalculator.Calculate(Sale, PricePaid, Currency, AlreadyReturned, returning, Weights);
}
