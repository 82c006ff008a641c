using Inventory.Core.Stock;

namespace Inventory.Core.Adjustments;

/// <summary>The reason-code catalogue: one <see cref="ReasonPolicy"/> per code.</summary>
/// <remarks>
/// A plain options class: fill it in, then build an <see cref="AdjustmentPolicy"/>, which checks it once and reports
/// every problem together. Not thread-safe while being configured.
/// </remarks>
public sealed class AdjustmentPolicyOptions
{
    /// <summary>The longest reason code accepted.</summary>
    public const int MaxCodeLength = 64;

    /// <summary>Gets the policy of each reason code; codes are lower case letters, digits and underscores.</summary>
    /// <value>Default: <see cref="CreateDefault"/>'s ten codes when built that way, empty otherwise.</value>
    public IDictionary<string, ReasonPolicy> Policies { get; } =
        new Dictionary<string, ReasonPolicy>(StringComparer.Ordinal);

    /// <summary>
    /// Creates a catalogue holding the ten common storefront reason codes with their default policies.
    /// </summary>
    /// <returns>New options that the caller may change or extend with its own codes.</returns>
    /// <remarks>
    /// Defaults: correction (either way, note required, approval above 50 units or 20%); cycle_count_available
    /// (either way, approval above 100 units or 25%); damaged (damaged bucket, either way, approval above 50);
    /// other (either way, note required, approval above 20 units or 10%); promotion (removes only, reference
    /// required, approval above 100); received (adds only, reference required, approval above 1000); restock
    /// (adds only, reference required, approval above 100); shrinkage (removes only, approval above 25 units or
    /// 10%); quality_control and safety_stock (their own bucket, either way, approval above 100).
    /// </remarks>
    public static AdjustmentPolicyOptions CreateDefault()
    {
        var options = new AdjustmentPolicyOptions();
        var policies = options.Policies;
        policies[ReasonCodes.Correction] = Policy(AdjustmentDirection.Either, 50, 20, note: true);
        policies[ReasonCodes.CycleCountAvailable] = Policy(AdjustmentDirection.Either, 100, 25);
        policies[ReasonCodes.Damaged] = Policy(AdjustmentDirection.Either, 50, null, StockBucket.Damaged);
        policies[ReasonCodes.Other] = Policy(AdjustmentDirection.Either, 20, 10, note: true);
        policies[ReasonCodes.Promotion] = Policy(AdjustmentDirection.Decrease, 100, null, reference: true);
        policies[ReasonCodes.Received] = Policy(AdjustmentDirection.Increase, 1000, null, reference: true);
        policies[ReasonCodes.Restock] = Policy(AdjustmentDirection.Increase, 100, null, reference: true);
        policies[ReasonCodes.Shrinkage] = Policy(AdjustmentDirection.Decrease, 25, 10);
        policies[ReasonCodes.QualityControl] =
            Policy(AdjustmentDirection.Either, 100, null, StockBucket.QualityControl);
        policies[ReasonCodes.SafetyStock] = Policy(AdjustmentDirection.Either, 100, null, StockBucket.SafetyStock);

        return options;
    }

    /// <summary>Lists every problem of the catalogue; empty when it is valid.</summary>
    /// <returns>One sentence per problem, naming the code and the setting.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Policies.Count == 0)
        {
            problems.Add("The catalogue holds no reason code; add at least one policy.");
        }

        foreach (var (code, policy) in Policies.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            CheckCode(code, problems);
            if (policy is null)
            {
                problems.Add($"Reason code '{code}': the policy is null; give it a ReasonPolicy.");
                continue;
            }

            CheckPolicy(code, policy, problems);
        }

        return problems;
    }

    private static void CheckCode(string code, List<string> problems)
    {
        if (code.Length == 0 || code.Length > MaxCodeLength || !code.All(IsCodeChar))
        {
            problems.Add(
                $"Reason code '{code}' must be 1 to {MaxCodeLength} lower case letters, digits or underscores.");
        }
    }

    private static void CheckPolicy(string code, ReasonPolicy policy, List<string> problems)
    {
        if (policy.Direction is not (AdjustmentDirection.Increase or AdjustmentDirection.Decrease
            or AdjustmentDirection.Either))
        {
            problems.Add(
                $"Reason code '{code}': Direction {(int)policy.Direction} is not Increase, Decrease or Either.");
        }

        if (policy.Bucket is { } bucket && !Enum.IsDefined(bucket))
        {
            problems.Add($"Reason code '{code}': Bucket {(int)bucket} is not a defined stock bucket.");
        }

        if (policy.ApprovalAboveUnits < 0)
        {
            problems.Add(
                $"Reason code '{code}': ApprovalAboveUnits must be 0 or more (was {policy.ApprovalAboveUnits}).");
        }

        if (policy.ApprovalAbovePercentOfOnHand < 0)
        {
            problems.Add(
                $"Reason code '{code}': ApprovalAbovePercentOfOnHand must be 0 or more "
                + $"(was {policy.ApprovalAbovePercentOfOnHand}).");
        }
    }

    private static bool IsCodeChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_';

    private static ReasonPolicy Policy(
        AdjustmentDirection direction,
        long? units,
        int? percent,
        StockBucket? bucket = StockBucket.Available,
        bool note = false,
        bool reference = false) => new()
        {
            Direction = direction,
            Bucket = bucket,
            ApprovalAboveUnits = units,
            ApprovalAbovePercentOfOnHand = percent,
            RequiresNote = note,
            RequiresReference = reference,
        };
}
