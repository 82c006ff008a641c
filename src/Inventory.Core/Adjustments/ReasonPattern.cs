namespace Inventory.Core.Adjustments;

/// <summary>A pattern of free text and the reason code it stands for.</summary>
/// <param name="Pattern">A .NET regular expression, matched ignoring case anywhere in the text.</param>
/// <param name="Code">The reason code the text maps to.</param>
/// <remarks>This type is immutable and safe to share between threads.</remarks>
public sealed record ReasonPattern(string Pattern, string Code);
