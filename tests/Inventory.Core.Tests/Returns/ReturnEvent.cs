using Inventory.Core.Ledger;
using Inventory.Core.Returns;
using Inventory.Core.Stock;

namespace Inventory.Core.Tests.Returns;

/// <summary>One generated return event, turned into a ledger command with a fresh key.</summary>
internal sealed record ReturnEvent(
    ReturnEventKind Kind, int ReturnIndex, int LocationIndex, long Quantity, int Variant, int Target)
{
    private static readonly Sku Mug = new("MUG");

    public LedgerCommand? ToCommand(IReadOnlyList<LedgerCommand> sent)
    {
        var key = $"{Kind}-{sent.Count}";
        var returnId = $"R{ReturnIndex}";
        var location = new LocationId(LocationIndex == 0 ? "W1" : "RET");
        return Kind switch
        {
            ReturnEventKind.Initiate => new InitiateReturn(key, returnId, "L", Mug, location, Quantity),
            ReturnEventKind.Receive => new ReceiveReturn(
                key, returnId, "L", [new ReturnReceipt((ReturnCondition)(Variant + 1), Quantity)]),
            ReturnEventKind.ReceiveMixed => new ReceiveReturn(
                key, returnId, "L",
                [
                    new ReturnReceipt(ReturnCondition.Resellable, 1),
                    new ReturnReceipt((ReturnCondition)(Variant + 1), Quantity),
                ]),
            ReturnEventKind.Close => new CloseReturn(key, returnId, (ReturnClosure)(Variant % 2 + 1)),
            ReturnEventKind.Inspect => new CompleteInspection(
                key, Mug, location, Quantity, (InspectionOutcome)(Variant % 2 + 1)),
            ReturnEventKind.WriteOff => new WriteOffDamaged(key, Mug, location, Quantity),
            ReturnEventKind.Damage => new ReportDamage(key, Mug, location, Quantity),
            ReturnEventKind.Refund => new RestockRefund(
                key, "o1", "l1", Quantity, (RefundRestock)(Variant % 3 + 1), location),
            _ => sent.Count == 0 ? null : sent[Target % sent.Count],
        };
    }
}
