namespace Inventory.Core.Adjustments;

/// <summary>The outcome of judging an adjustment request against its reason code's policy.</summary>
/// <remarks>
/// A value type, so that judging an allowed request allocates nothing. Immutable and safe to share between threads.
/// </remarks>
public readonly struct AdjustmentDecision
{
    private readonly IReadOnlyList<string>? _findings;

    private AdjustmentDecision(
        AdjustmentVerdict verdict, AdjustmentRules rules, long change, IReadOnlyList<string>? findings)
    {
        Verdict = verdict;
        Rules = rules;
        Change = change;
        _findings = findings;
    }

    /// <summary>Gets the verdict.</summary>
    public AdjustmentVerdict Verdict { get; }

    /// <summary>
    /// Gets every broken rule; <see cref="AdjustmentRules.ApprovalRequired"/> alone when only approval is missing.
    /// </summary>
    public AdjustmentRules Rules { get; }

    /// <summary>
    /// Gets the signed change of the bucket the request works out to; 0 when it cannot be worked out.
    /// </summary>
    public long Change { get; }

    /// <summary>Gets one sentence per broken rule, or why approval is needed; empty when allowed.</summary>
    public IReadOnlyList<string> Findings => _findings ?? Array.Empty<string>();

    /// <summary>Gets whether the request may reach the ledger.</summary>
    public bool IsAllowed => Verdict == AdjustmentVerdict.Allowed;

    /// <summary>Returns the verdict and findings as text.</summary>
    /// <returns>The decision as text.</returns>
    public override string ToString() =>
        Findings.Count == 0 ? $"{Verdict}" : $"{Verdict}: {string.Join(" ", Findings)}";

    internal static AdjustmentDecision Allowed(long change) =>
        new(AdjustmentVerdict.Allowed, AdjustmentRules.None, change, null);

    internal static AdjustmentDecision NeedsApproval(long change, string why) =>
        new(AdjustmentVerdict.NeedsApproval, AdjustmentRules.ApprovalRequired, change, [why]);

    internal static AdjustmentDecision Refused(AdjustmentRules rules, long change, IReadOnlyList<string> findings) =>
        new(AdjustmentVerdict.Refused, rules, change, findings);
}
