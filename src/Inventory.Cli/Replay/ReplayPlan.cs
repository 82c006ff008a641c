namespace Inventory.Cli.Replay;

/// <summary>
/// Every step of a replay, decided before any stock moves: the SKUs, the carts, the operations in the order they are
/// applied, and the row counts.
/// </summary>
internal sealed class ReplayPlan(
    string file, IReadOnlyList<SkuPlan> skus, IReadOnlyList<CartPlan> carts,
    IReadOnlyList<ReplayOperation> operations, PlanCounts counts)
{
    /// <summary>Gets the name of the file the plan was read from, as given.</summary>
    public string File { get; } = file;

    public IReadOnlyList<SkuPlan> Skus { get; } = skus;

    public IReadOnlyList<CartPlan> Carts { get; } = carts;

    public IReadOnlyList<ReplayOperation> Operations { get; } = operations;

    public PlanCounts Counts { get; } = counts;

    /// <summary>Gets a SKU's opening stock: <paramref name="fixedOpening"/>, or its auto opening when null.</summary>
    public long OpeningOf(SkuPlan sku, long? fixedOpening) => fixedOpening ?? sku.AutoOpening;
}
