namespace Inventory.Core.Tests.Properties;

/// <summary>
/// One generated step. Only the fields that matter to <see cref="Kind"/> are read. <see cref="Flag"/> means
/// "return receipt" for receipts, "the whole cart" for releases, "every open line" for fulfilments and
/// cancellations. <see cref="Target"/> (when not negative) picks an earlier step, modulo the step's position:
/// a repeat runs that step's command again, any other command borrows that step's idempotency key.
/// </summary>
internal sealed record Step(
    StepKind Kind,
    int Sku = 0,
    int Location = 0,
    int Cart = 0,
    int Order = 0,
    int Line = 0,
    long Quantity = 0,
    int Bucket = 1,
    bool Flag = false,
    int Target = -1,
    IReadOnlyList<StepLine>? Lines = null)
{
    public IReadOnlyList<StepLine> LineList => Lines ?? [];

    public bool IsCommand => Kind is not (StepKind.Advance or StepKind.Sweep or StepKind.Repeat);

    /// <summary>Gets a canonical text of the command: two steps with the same text ask for the same thing.</summary>
    public string Describe() => Kind switch
    {
        StepKind.Receive => $"receive {At()} {Quantity} return={Flag}",
        StepKind.Reserve => $"reserve {LedgerWorld.Cart(Cart)}: {string.Join(", ", LineList)}",
        StepKind.Change => $"change {LedgerWorld.Cart(Cart)}/{LedgerWorld.Line(Line)} to {Quantity}",
        StepKind.Move => $"move {LedgerWorld.Cart(Cart)}/{LedgerWorld.Line(Line)} to {Where(Location)}",
        StepKind.Release => $"release {LedgerWorld.Cart(Cart)}/" + (Flag ? "*" : LedgerWorld.Line(Line)),
        StepKind.Extend => $"extend {LedgerWorld.Cart(Cart)}",
        StepKind.Commit => $"commit {LedgerWorld.Cart(Cart)} as {LedgerWorld.Order(Order)}",
        StepKind.Fulfil => $"fulfil {LedgerWorld.Order(Order)}: " + (Flag ? "*" : ShipList()),
        StepKind.Cancel => $"cancel {LedgerWorld.Order(Order)}: " + (Flag ? "*" : LineIdList()),
        StepKind.External => $"external {LedgerWorld.Order(Order)}: {string.Join(", ", LineList)}",
        StepKind.SetCount => $"count {At()} = {Quantity}",
        StepKind.Adjust => $"adjust {At()} by {Quantity} in bucket {Bucket}",
        StepKind.Advance => $"advance {Quantity} min",
        StepKind.Sweep => "sweep",
        StepKind.Repeat => $"repeat step #{Target}",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown step kind."),
    };

    /// <summary>Gets whether the ledger's input validation accepts the command (business rules aside).</summary>
    public bool IsWellFormed() => Kind switch
    {
        StepKind.Receive => Quantity > 0,
        StepKind.Reserve or StepKind.External =>
            LineList.Count > 0 && DistinctLines() && LineList.All(l => l.Quantity > 0),
        StepKind.Change => Quantity > 0,
        StepKind.Fulfil => Flag || (LineList.Count > 0 && LineList.All(l => l.Quantity > 0)),
        StepKind.Cancel => Flag || DistinctLines(),
        StepKind.SetCount => Quantity >= 0,
        StepKind.Adjust => Quantity != 0,
        _ => true,
    };

    public override string ToString() =>
        Target >= 0 && IsCommand ? $"{Describe()} (key of step #{Target})" : Describe();

    private string At() => $"{LedgerWorld.SkuName(Sku)}@{LedgerWorld.LocationName(Location)}";

    private static string Where(int location) => LedgerWorld.LocationName(location);

    private string ShipList() =>
        string.Join(", ", LineList.Select(l => $"{LedgerWorld.Line(l.Line)}x{l.Quantity}@{Where(l.Location)}"));

    private string LineIdList() => string.Join(", ", LineList.Select(l => LedgerWorld.Line(l.Line)));

    private bool DistinctLines() => LineList.Select(l => l.Line).Distinct().Count() == LineList.Count;
}
