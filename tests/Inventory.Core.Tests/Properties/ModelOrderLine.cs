namespace Inventory.Core.Tests.Properties;

/// <summary>An order line in the reference model (one per line and location).</summary>
internal sealed record ModelOrderLine(int Line, int Sku, int Location, long Ordered, long Fulfilled, long Cancelled)
{
    public long Open => Ordered - Fulfilled - Cancelled;
}
