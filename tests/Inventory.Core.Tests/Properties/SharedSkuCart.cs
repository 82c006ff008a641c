using Inventory.Core.Reservations;
using Inventory.Core.Stock;

namespace Inventory.Core.Tests.Properties;

/// <summary>
/// A cart whose first two lines take the same SKU (stocked at one location), with an optional first line of
/// another, well-stocked SKU; lines are pinned to the stocked location or left to the allocator.
/// </summary>
internal sealed record SharedSkuCart(
    LedgerConfig Config, int Stock, int First, int Second, bool Pinned, bool OtherSkuFirst)
{
    public IReadOnlyList<CartLine> Lines(LocationId stocked)
    {
        LocationId? where = Pinned ? stocked : null;
        var shared = new[]
        {
            new CartLine("line-0", LedgerWorld.Sku(0), First, where),
            new CartLine("line-1", LedgerWorld.Sku(0), Second, where),
        };

        return OtherSkuFirst ? [new CartLine("line-x", LedgerWorld.Sku(1), 7, where), .. shared] : shared;
    }
}
