using System.Collections.Frozen;
using Inventory.Core.Stock;

namespace Inventory.Core.Adjustments;

/// <summary>Judges adjustment requests against a checked reason-code catalogue.</summary>
/// <remarks>
/// Built once from <see cref="AdjustmentPolicyOptions"/> (later changes to the options are not seen). Judging an
/// allowed request allocates nothing. Immutable and safe to share between threads.
/// </remarks>
public sealed class AdjustmentPolicy
{
    private readonly FrozenDictionary<string, CodePolicy> _policies;

    /// <summary>Initializes a policy after checking every setting of <paramref name="options"/>.</summary>
    /// <param name="options">The catalogue.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is null.</exception>
    /// <exception cref="AdjustmentPolicyException">
    /// Thrown when the options are invalid; lists every problem.
    /// </exception>
    public AdjustmentPolicy(AdjustmentPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new AdjustmentPolicyException(problems);
        }

        _policies = options.Policies.ToFrozenDictionary(
            pair => pair.Key, pair => CodePolicy.From(pair.Key, pair.Value), StringComparer.Ordinal);
    }

    /// <summary>Gets the reason codes of the catalogue.</summary>
    public IReadOnlyCollection<string> Codes => _policies.Keys;

    /// <summary>Gets whether the catalogue holds <paramref name="code"/> (ordinal).</summary>
    /// <param name="code">The code.</param>
    /// <returns>True when the code is known.</returns>
    public bool Contains(string? code) => code is not null && _policies.ContainsKey(code);

    /// <summary>Judges a request against the current stock of its position.</summary>
    /// <param name="request">The request.</param>
    /// <param name="before">The position's stock now; a count and a percent limit are measured against it.</param>
    /// <returns>Allowed, needs approval (with why), or refused (with every broken rule).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is null.</exception>
    public AdjustmentDecision Evaluate(AdjustmentRequest request, in StockPosition before)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rules = Check(request, before, out var change, out var policy);
        if (rules != AdjustmentRules.None)
        {
            var findings = AdjustmentFindings.Describe(rules, request, change, policy);

            return AdjustmentDecision.Refused(rules, change, findings);
        }

        if (IsBlank(request.Approver) && ExceedsLimit(policy, change, before.OnHand))
        {
            var why = AdjustmentFindings.WhyApproval(request, change, policy, before.OnHand);

            return AdjustmentDecision.NeedsApproval(change, why);
        }

        return AdjustmentDecision.Allowed(change);
    }

    internal static long BucketUnits(StockBucket bucket, in StockPosition position) => bucket switch
    {
        StockBucket.Damaged => position.Damaged,
        StockBucket.QualityControl => position.QualityControl,
        StockBucket.SafetyStock => position.SafetyStock,
        _ => position.OnHand,
    };

    private static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    private static bool ExceedsLimit(in CodePolicy policy, long change, long onHand)
    {
        var magnitude = (Int128)change < 0 ? -(Int128)change : change;
        if (policy.Units is { } units && magnitude > units)
        {
            return true;
        }

        return policy.Percent is { } percent
            && magnitude > 0
            && magnitude * 100 > (Int128)percent * Math.Max(onHand, 0);
    }

    private AdjustmentRules Check(
        AdjustmentRequest request, in StockPosition before, out long change, out CodePolicy policy)
    {
        var rules = CheckPeople(request);
        policy = default;
        if (IsBlank(request.ReasonCode))
        {
            rules |= AdjustmentRules.MissingReason;
        }
        else if (!_policies.TryGetValue(request.ReasonCode!, out policy))
        {
            rules |= AdjustmentRules.UnknownReason;
        }

        if (!TryChange(request, before, out change))
        {
            return rules | AdjustmentRules.InvalidQuantity;
        }

        return policy.Direction == AdjustmentDirection.None ? rules : rules | CheckAgainst(policy, request, change);
    }

    private static AdjustmentRules CheckPeople(AdjustmentRequest request)
    {
        var rules = IsBlank(request.Operator) ? AdjustmentRules.MissingOperator : AdjustmentRules.None;
        if (!IsBlank(request.Operator) && !IsBlank(request.Approver)
            && request.Approver.AsSpan().Trim()
                .Equals(request.Operator.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase))
        {
            rules |= AdjustmentRules.SelfApproval;
        }

        return rules;
    }

    private static bool TryChange(AdjustmentRequest request, in StockPosition before, out long change)
    {
        change = 0;
        if (!Enum.IsDefined(request.Bucket) || request.Quantity == long.MinValue)
        {
            return false;
        }

        switch (request.Mode)
        {
            case AdjustmentMode.Delta when request.Quantity != 0:
                change = request.Quantity;
                return true;
            case AdjustmentMode.Count when request.Quantity >= 0 && BucketUnits(request.Bucket, before) >= 0:
                change = request.Quantity - BucketUnits(request.Bucket, before);
                return true;
            default:
                return false;
        }
    }

    private static AdjustmentRules CheckAgainst(in CodePolicy policy, AdjustmentRequest request, long change)
    {
        var rules = AdjustmentRules.None;
        // Bitwise tests rather than HasFlag, which boxes in unoptimised code and would allocate on the allowed path.
        if ((change > 0 && (policy.Direction & AdjustmentDirection.Increase) == 0)
            || (change < 0 && (policy.Direction & AdjustmentDirection.Decrease) == 0))
        {
            rules |= AdjustmentRules.DirectionNotAllowed;
        }

        if (policy.Bucket is { } bucket && bucket != request.Bucket)
        {
            rules |= AdjustmentRules.WrongBucket;
        }

        if (policy.RequiresNote && IsBlank(request.Note))
        {
            rules |= AdjustmentRules.MissingNote;
        }

        if (policy.RequiresReference && IsBlank(request.Reference))
        {
            rules |= AdjustmentRules.MissingReference;
        }

        return rules;
    }
}
