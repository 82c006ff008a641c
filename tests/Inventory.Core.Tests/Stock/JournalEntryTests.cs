using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Tests.Stock;

public class JournalEntryTests
{
    [Fact]
    public void With_OnADraftEntry_EqualsTheSameEntryBuiltPlainly()
    {
        var key = new PositionKey(new Sku("A"), new LocationId("W1"));
        var at = Instant.FromUtc(2026, 3, 2, 9, 0);
        var draft = JournalEntry.Draft(
            "k", EntryKind.Received, key, new StockChange(OnHand: 5), 5, at, null, null, null);

        var numbered = draft with { Sequence = 7 };
        var plain = new JournalEntry(7, "k", EntryKind.Received, key, new StockChange(OnHand: 5), 5, at);

        Assert.Equal(plain, numbered);
        Assert.Equal(plain.GetHashCode(), numbered.GetHashCode());
        Assert.False(numbered.IsDraft);
    }
}
