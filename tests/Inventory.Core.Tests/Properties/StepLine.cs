namespace Inventory.Core.Tests.Properties;

/// <summary>
/// One line of a generated cart, order, fulfilment or cancellation. Indices point into
/// <see cref="LedgerWorld"/>; a location of -1 means "not pinned to a location".
/// </summary>
internal sealed record StepLine(int Line, int Sku, int Location, long Quantity)
{
    public override string ToString() =>
        $"{LedgerWorld.Line(Line)}={LedgerWorld.SkuName(Sku)}x{Quantity}@{LedgerWorld.LocationName(Location)}";
}
