using Inventory.Core.Stock;

namespace Inventory.Cli.Replay;

/// <summary>What the plan knows about one SKU: its sale-line descriptions and the opening stock it needs.</summary>
internal sealed class SkuPlan(Sku sku)
{
    private readonly Dictionary<string, DescriptionTally> _descriptions = new(StringComparer.OrdinalIgnoreCase);

    public Sku Sku { get; } = sku;

    /// <summary>Gets or sets the least opening stock with which the replay refuses nothing for this SKU.</summary>
    public long AutoOpening { get; set; }

    /// <summary>
    /// Gets the product name: the most frequent non-blank description on sale lines (trimmed, compared without
    /// case; a tie goes to the one seen first), or null when no sale line named it.
    /// </summary>
    public string? ProductName
    {
        get
        {
            DescriptionTally? best = null;
            foreach (var tally in _descriptions.Values)
            {
                if (best is null || tally.Count > best.Count || (tally.Count == best.Count && tally.Order < best.Order))
                {
                    best = tally;
                }
            }

            return best?.Text;
        }
    }

    /// <summary>Counts one sale line's description.</summary>
    public void CountDescription(ReadOnlySpan<char> description)
    {
        var trimmed = description.Trim();
        if (trimmed.IsEmpty)
        {
            return;
        }

        var lookup = _descriptions.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(trimmed, out var tally))
        {
            tally = new DescriptionTally(trimmed.ToString(), _descriptions.Count);
            _descriptions.Add(tally.Text, tally);
        }

        tally.Count++;
    }

    private sealed class DescriptionTally(string text, int order)
    {
        public string Text { get; } = text;

        public int Order { get; } = order;

        public int Count { get; set; }
    }
}
