namespace Inventory.Core.Stock;

/// <summary>Validation shared by the identifier value types.</summary>
internal static class Identifier
{
    public static bool IsValid(string? value, int maxLength) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= maxLength
        && !char.IsWhiteSpace(value[0])
        && !char.IsWhiteSpace(value[^1]);

    public static string Validate(string? value, int maxLength, string kind, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.Length == 0)
        {
            throw new ArgumentException($"A {kind} must not be empty.", parameterName);
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException(
                $"The {kind} '{Shorten(value)}' is {value.Length} characters long; at most {maxLength} are allowed.",
                parameterName);
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            throw new ArgumentException(
                $"The {kind} '{value}' has leading or trailing white space; trim it before use.",
                parameterName);
        }

        return value;
    }

    public static string RequireKey(string? value, string kind, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);

        return string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"The {kind} must not be blank.", parameterName)
            : value;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
