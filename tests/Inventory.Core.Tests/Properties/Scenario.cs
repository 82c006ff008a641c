namespace Inventory.Core.Tests.Properties;

/// <summary>A generated run: the ledger options and the steps, in order.</summary>
internal sealed record Scenario(LedgerConfig Config, IReadOnlyList<Step> Steps)
{
    public IReadOnlyList<PlannedAction> Plan() => ScenarioPlan.Expand(Steps);

    public override string ToString() =>
        $"{Config} with {Steps.Count} steps:{Environment.NewLine}"
        + string.Join(Environment.NewLine, Steps.Select((s, i) => $"  #{i} {s}"));

    /// <summary>
    /// Smaller scenarios to try when one fails: first without a run of steps (halves, quarters ... single
    /// steps), then with simpler options, then with smaller quantities.
    /// </summary>
    public IEnumerable<Scenario> Shrink()
    {
        for (var chunk = Steps.Count / 2; chunk >= 1; chunk /= 2)
        {
            for (var start = 0; start + chunk <= Steps.Count; start += chunk)
            {
                yield return this with { Steps = [.. Steps.Take(start), .. Steps.Skip(start + chunk)] };
            }
        }

        foreach (var config in SimplerConfigs())
        {
            yield return this with { Config = config };
        }

        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Quantity is > 1 or < -1 && Steps[i].Kind != StepKind.Advance)
            {
                var halved = Steps[i] with { Quantity = Steps[i].Quantity / 2 };
                yield return this with { Steps = [.. Steps.Take(i), halved, .. Steps.Skip(i + 1)] };
            }
        }
    }

    private IEnumerable<LedgerConfig> SimplerConfigs()
    {
        if (Config.ConfiguredLocations)
        {
            yield return Config with { ConfiguredLocations = false };
        }

        if (Config.HighestFirst)
        {
            yield return Config with { HighestFirst = false };
        }

        if (Config.Whole)
        {
            yield return Config with { Whole = false };
        }
    }
}
