namespace Inventory.Core.Variance;

/// <summary>
/// Orders the work a report calls for: first stabilise the cause that costs most units, then remove the remaining
/// causes from the most upstream (sync, then returns, then bundles, then adjustment logging). Unexplained units are
/// no step: there is nothing yet to fix; they are investigated through the evidence.
/// </summary>
internal static class FixSequence
{
    /// <summary>The causes from the most upstream to the least; a tie for the costliest breaks in this order.</summary>
    private static readonly VarianceCause[] _upstream =
    [
        VarianceCause.SyncRace,
        VarianceCause.SyncTiming,
        VarianceCause.ReturnsNotFlowing,
        VarianceCause.BundleMismodel,
        VarianceCause.UnloggedAdjustment,
    ];

    public static IReadOnlyList<FixStep> Build(IEnumerable<VarianceFinding> findings)
    {
        var units = UnitsByCause(findings);
        var costliest = _upstream
            .Where(cause => units[cause] > 0)
            .OrderByDescending(cause => units[cause])
            .ThenBy(cause => Array.IndexOf(_upstream, cause))
            .Take(1)
            .ToList();
        var steps = costliest.Select(cause => (FixAction.Stabilise, cause))
            .Concat(_upstream
                .Where(cause => units[cause] > 0 && !costliest.Contains(cause))
                .Select(cause => (FixAction.FixRootCause, cause)));

        return [.. steps.Select((step, index) => new FixStep(index + 1, step.Item1, step.cause, units[step.cause]))];
    }

    private static Dictionary<VarianceCause, long> UnitsByCause(IEnumerable<VarianceFinding> findings)
    {
        var units = _upstream.ToDictionary(cause => cause, _ => 0L);
        foreach (var part in findings.SelectMany(finding => finding.Parts))
        {
            if (units.TryGetValue(part.Cause, out var sum))
            {
                units[part.Cause] = checked(sum + Math.Abs(part.Units));
            }
        }

        return units;
    }
}
