namespace Inventory.Core.Adjustments;

/// <summary>Words the broken rules of a request, naming the position, the code and the values involved.</summary>
internal static class AdjustmentFindings
{
    public static IReadOnlyList<string> Describe(
        AdjustmentRules rules, AdjustmentRequest request, long change, in CodePolicy policy)
    {
        var where = $"{request.Sku} @ {request.Location}";
        var findings = new List<string>();
        Add(findings, rules, AdjustmentRules.MissingReason, $"No reason code was given for {where}.");
        Add(findings, rules, AdjustmentRules.MissingOperator, $"No operator was given for {where}.");
        Add(
            findings,
            rules,
            AdjustmentRules.UnknownReason,
            $"Reason code '{request.ReasonCode}' is not in the catalogue.");
        Add(findings, rules, AdjustmentRules.InvalidQuantity, InvalidQuantity(request));
        Add(
            findings,
            rules,
            AdjustmentRules.DirectionNotAllowed,
            $"Reason code '{policy.Code}' allows {policy.Direction} only; "
            + $"the change is {change:+#;-#;0} units of {where}.");
        Add(
            findings,
            rules,
            AdjustmentRules.WrongBucket,
            $"Reason code '{policy.Code}' moves the {policy.Bucket} bucket; the request moves {request.Bucket}.");
        Add(findings, rules, AdjustmentRules.MissingNote, $"Reason code '{policy.Code}' requires a note.");
        Add(
            findings,
            rules,
            AdjustmentRules.MissingReference,
            $"Reason code '{policy.Code}' requires a reference document.");
        Add(
            findings,
            rules,
            AdjustmentRules.SelfApproval,
            $"Approver '{request.Approver}' is the operator '{request.Operator}'; a second person must approve.");

        return findings;
    }

    public static string WhyApproval(AdjustmentRequest request, long change, in CodePolicy policy, long onHand) =>
        $"The change of {change:+#;-#;0} units of {request.Sku} @ {request.Location} (on hand {onHand}) is above "
        + $"reason code '{policy.Code}''s approval limit ({Limits(policy)}); a second person must approve it.";

    private static string Limits(in CodePolicy policy)
    {
        var units = policy.Units is { } u ? $"{u} units" : null;
        var percent = policy.Percent is { } p ? $"{p}% of on hand" : null;

        return units is not null && percent is not null ? $"{units} or {percent}" : units ?? percent ?? "none";
    }

    private static string InvalidQuantity(AdjustmentRequest request) => request.Mode switch
    {
        _ when !Enum.IsDefined(request.Bucket) => $"Bucket {(int)request.Bucket} is not a defined stock bucket.",
        AdjustmentMode.Delta => $"The change for {request.Sku} @ {request.Location} must not be {request.Quantity}.",
        AdjustmentMode.Count =>
            $"The count for {request.Sku} @ {request.Location} must be 0 or more (was {request.Quantity}).",
        _ => $"Mode {(int)request.Mode} is not Delta or Count.",
    };

    private static void Add(List<string> findings, AdjustmentRules rules, AdjustmentRules rule, string text)
    {
        if (rules.HasFlag(rule))
        {
            findings.Add(text);
        }
    }
}
