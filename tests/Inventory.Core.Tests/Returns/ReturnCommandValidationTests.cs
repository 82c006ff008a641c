using Inventory.Core.Ledger;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;

namespace Inventory.Core.Tests.Returns;

public sealed class ReturnCommandValidationTests
{
    private static readonly Sku Mug = new("MUG");
    private static readonly LocationId W1 = new("W1");

    public static TheoryData<LedgerCommand, string> Invalid => new()
    {
        {
            new InitiateReturn("k", "R1", "L1", Mug, W1, 0),
            "the expected quantity must be a positive whole number of units (was 0)"
        },
        { new InitiateReturn("k", " ", "L1", Mug, W1, 1), "the return id must not be blank" },
        { new InitiateReturn("k", "R1", "L1", default, W1, 1), "the SKU is not set" },
        { new ReceiveReturn("k", "R1", "L1", []), "give at least one receipt" },
        {
            new ReceiveReturn("k", "R1", "L1", [new ReturnReceipt(ReturnCondition.Damaged, -2)]),
            "the Damaged quantity must be a positive whole number of units (was -2)"
        },
        {
            new ReceiveReturn("k", "R1", "L1", [new ReturnReceipt((ReturnCondition)9, 1)]),
            "condition 9 is not defined"
        },
        { new CloseReturn("k", "R1", (ReturnClosure)7), "closure 7 is not defined" },
        { new CloseReturn("k", "R1", ReturnClosure.Expired, ["L1", "L1"]), "return line 'L1' appears more than once" },
        { new CompleteInspection("k", Mug, W1, 1, (InspectionOutcome)5), "outcome 5 is not defined" },
        {
            new WriteOffDamaged("k", Mug, W1, -1),
            "the written-off quantity must be a positive whole number of units (was -1)"
        },
        { new ReportDamage("k", Mug, default, 1), "the location is not set" },
        { new RestockRefund("k", "o1", "l1", 1, (RefundRestock)4), "restock type 4 is not defined" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task ExecuteAsync_InvalidReturnCommand_ThrowsNamingTheFieldAndChangesNothing(
        LedgerCommand command, string message)
    {
        var harness = new LedgerHarness();
        await harness.Receive("MUG", "W1", 3);

        var error = await Assert.ThrowsAsync<InvalidCommandException>(() => harness.Run(command));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Single(await harness.Journal());
    }
}
