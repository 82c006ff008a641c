namespace Inventory.Core.Bundles;

/// <summary>
/// Thrown when bundle definitions are invalid: a cycle, a non-positive quantity, nesting deeper than the limit,
/// overlapping versions of one parent. Lists every problem found in the batch.
/// </summary>
/// <remarks>Nothing is registered when this is thrown.</remarks>
public sealed class BundleDefinitionException : InventoryException
{
    /// <summary>Initializes the exception with every problem found.</summary>
    /// <param name="problems">One sentence per problem, naming the SKUs and values.</param>
    public BundleDefinitionException(IReadOnlyList<string> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Gets one sentence per problem found.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);

        return problems.Count == 1
            ? $"Invalid bundle definition: {problems[0]}"
            : $"{problems.Count} problems in the bundle definitions:{Environment.NewLine}- "
              + string.Join(Environment.NewLine + "- ", problems);
    }
}
