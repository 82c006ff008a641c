namespace Inventory.Core.Variance;

/// <summary>Converts <see cref="VarianceCause"/> values to the snake_case names reports use.</summary>
/// <remarks>This type is stateless and safe to use from any thread.</remarks>
public static class VarianceCauseNames
{
    /// <summary>Gets the report name of a cause, for example <c>sync_race</c>.</summary>
    /// <param name="cause">The cause.</param>
    /// <returns>The snake_case name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="cause"/> is not defined.</exception>
    public static string ToName(VarianceCause cause) => cause switch
    {
        VarianceCause.SyncTiming => "sync_timing",
        VarianceCause.SyncRace => "sync_race",
        VarianceCause.ReturnsNotFlowing => "returns_not_flowing",
        VarianceCause.BundleMismodel => "bundle_mismodel",
        VarianceCause.UnloggedAdjustment => "unlogged_adjustment",
        VarianceCause.Unexplained => "unexplained",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, "Not a defined variance cause."),
    };
}
