namespace Inventory.Cli.Replay;

/// <summary>One sale line of a planned cart.</summary>
/// <param name="Line">The file line the row starts on; also the cart line's id.</param>
/// <param name="SkuIndex">The SKU's index in <see cref="ReplayPlan.Skus"/>.</param>
/// <param name="Quantity">The units ordered, positive.</param>
internal readonly record struct CartLinePlan(int Line, int SkuIndex, long Quantity);
