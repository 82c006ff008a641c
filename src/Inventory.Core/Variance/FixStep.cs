namespace Inventory.Core.Variance;

/// <summary>One step of the fix sequence.</summary>
/// <param name="Step">The step's position, from 1.</param>
/// <param name="Action">What the step asks for.</param>
/// <param name="Cause">The cause the step addresses.</param>
/// <param name="Units">The absolute units the cause accounts for over every finding of the report.</param>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed record FixStep(int Step, FixAction Action, VarianceCause Cause, long Units);
