namespace Inventory.Core.Variance;

/// <summary>What a step of the fix sequence asks for.</summary>
/// <remarks>This type is an immutable value type and is safe to share between threads.</remarks>
public enum FixAction
{
    /// <summary>Contain the costliest symptom now (correct the counts it skews) before any deeper work.</summary>
    Stabilise = 0,

    /// <summary>Remove a root cause, most upstream first.</summary>
    FixRootCause = 1,
}
