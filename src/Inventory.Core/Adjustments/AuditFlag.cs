namespace Inventory.Core.Adjustments;

/// <summary>One flag of the daily report, with the evidence behind it.</summary>
/// <param name="Kind">The pattern found.</param>
/// <param name="Subject">What the flag is about: an operator, a SKU, or "day".</param>
/// <param name="Evidence">The figures behind the flag, in words.</param>
/// <remarks>This type is immutable and safe to share between threads.</remarks>
public sealed record AuditFlag(AuditFlagKind Kind, string Subject, string Evidence);
