namespace Inventory.Core.Tests.Properties;

/// <summary>A hold in the reference model: cart, line, SKU, location (indices), units and expiry minute.</summary>
internal sealed record ModelHold(int Cart, int Line, int Sku, int Location, long Quantity, long ExpiresAt)
{
    public bool IsExpiredAt(long now) => now >= ExpiresAt;
}
