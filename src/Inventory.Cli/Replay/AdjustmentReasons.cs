namespace Inventory.Cli.Replay;

/// <summary>Decides whether an adjustment's description is a reason or only noise.</summary>
internal static class AdjustmentReasons
{
    /// <summary>
    /// Gets the reason an adjustment carries: its trimmed description, or null when that is blank, made only of
    /// '?', or the product's own name (equal, trimmed and without case, to the SKU's most frequent sale-line
    /// description), since none of those says why the count changed.
    /// </summary>
    public static string? Resolve(string description, string? productName)
    {
        var trimmed = description.Trim();
        if (trimmed.Length == 0 || trimmed.AsSpan().IndexOfAnyExcept('?') < 0)
        {
            return null;
        }

        return productName is not null && string.Equals(trimmed, productName.Trim(), StringComparison.OrdinalIgnoreCase)
            ? null
            : trimmed;
    }
}
