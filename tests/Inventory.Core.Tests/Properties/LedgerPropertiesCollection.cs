namespace Inventory.Core.Tests.Properties;

/// <summary>
/// Runs the ledger's property suites on their own, not alongside other test classes.
/// </summary>
/// <remarks>
/// Limitation: in two full-suite runs on a heavily loaded machine, RefusalNearTheLimits_Meets_AllOrNothing failed
/// once each, and the counterexample was lost to an overflow in the scenario shrinker (now fixed). The property
/// never failed in isolation (18 runs). Until a counterexample is captured, these suites run without parallel
/// neighbours so that a failure, if it recurs, points at the ledger and not at test scheduling.
/// </remarks>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LedgerPropertiesCollection
{
    public const string Name = "Ledger properties";
}
