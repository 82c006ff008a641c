namespace Inventory.Core.Adjustments;

/// <summary>The result of checking an adjustment log's hash chain.</summary>
/// <param name="IsIntact">True when every entry's hash and link hold.</param>
/// <param name="FirstBrokenIndex">
/// The 0-based index of the first entry where the chain breaks; null when intact.
/// </param>
/// <param name="Problem">What is wrong at that entry; null when intact.</param>
/// <remarks>This type is immutable and safe to share between threads.</remarks>
public sealed record ChainVerification(bool IsIntact, int? FirstBrokenIndex, string? Problem)
{
    /// <summary>Gets the result for an intact chain.</summary>
    public static ChainVerification Intact { get; } = new(true, null, null);

    internal static ChainVerification Broken(int index, string problem) => new(false, index, problem);
}
