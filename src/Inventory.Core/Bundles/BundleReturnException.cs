namespace Inventory.Core.Bundles;

/// <summary>
/// Thrown when a bundle return is invalid: more of a component than was sold, a component the bundle did not
/// contain as sold, a non-positive quantity, an unusable price or weight. Lists every problem found.
/// </summary>
/// <remarks>Nothing is calculated or applied when this is thrown.</remarks>
public sealed class BundleReturnException : InventoryException
{
    /// <summary>Initializes the exception with every problem found.</summary>
    /// <param name="lineId">The sold line the return was for.</param>
    /// <param name="problems">One sentence per problem, naming the SKUs and quantities.</param>
    public BundleReturnException(string lineId, IReadOnlyList<string> problems)
        : base($"Return of bundle line '{lineId}' refused: " + string.Join(" ", problems ?? []))
    {
        Problems = problems ?? [];
    }

    /// <summary>Gets one sentence per problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
