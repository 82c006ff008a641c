using System.Text.RegularExpressions;

namespace Inventory.Core.Adjustments;

/// <summary>Maps the free-text reasons of legacy logs to reason codes.</summary>
/// <remarks>
/// Text maps to a code when it names a known code itself (ignoring case, with spaces read as underscores), or else
/// through the first pattern that matches. Known codes are the patterns' codes and any given. Blank text, text made
/// only of '?', text that merely repeats the product's name and text no pattern matches map to no reason (null).
/// Immutable and safe to share between threads.
/// </remarks>
public sealed class ReasonMapper
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly (Regex Pattern, string Code)[] _patterns;
    private readonly HashSet<string> _codes;

    /// <summary>Initializes a mapper over patterns tried in order.</summary>
    /// <param name="patterns">The patterns; the first that matches wins.</param>
    /// <param name="knownCodes">More codes that text may name directly; null for none.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="patterns"/> is null.</exception>
    /// <exception cref="AdjustmentPolicyException">Thrown when a pattern is null, blank or not a valid expression,
    /// or a code is blank; lists every problem.</exception>
    public ReasonMapper(IEnumerable<ReasonPattern> patterns, IEnumerable<string>? knownCodes = null)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var problems = new List<string>();
        var compiled = new List<(Regex, string)>();
        var index = 0;
        foreach (var pattern in patterns)
        {
            if (TryCompile(pattern, index++, problems) is { } regex)
            {
                compiled.Add((regex, pattern.Code));
            }
        }

        if (problems.Count > 0)
        {
            throw new AdjustmentPolicyException(problems);
        }

        _patterns = [.. compiled];
        _codes = new HashSet<string>(compiled.Select(p => p.Item2).Concat(knownCodes ?? []), StringComparer.Ordinal);
    }

    /// <summary>
    /// Gets patterns for the wording common in warehouse logs, mapped to the default catalogue's codes.
    /// </summary>
    public static IReadOnlyList<ReasonPattern> DefaultPatterns { get; } =
    [
        new(@"damage|smash|crush|broken|cracked|\bwet\b|mou?ld|unsaleable|destroyed|thrown away", ReasonCodes.Damaged),
        new(@"^check|\bfound\b|re-?count|stock ?take|cycle count", ReasonCodes.CycleCountAvailable),
        new(@"missing|\blost\b|stolen|theft", ReasonCodes.Shrinkage),
        new(@"incorrect|wrong|error|mistake|adjust|correct|dotcom|amazon|ebay|sold as set", ReasonCodes.Correction),
        new(@"return|restock", ReasonCodes.Restock),
        new(@"sample|promo|gift|mailout", ReasonCodes.Promotion),
        new(@"deliver|received|arrived", ReasonCodes.Received),
    ];

    /// <summary>
    /// Gets a mapper over <see cref="DefaultPatterns"/> that also knows the default catalogue's codes.
    /// </summary>
    public static ReasonMapper Default { get; } =
        new(DefaultPatterns, AdjustmentPolicyOptions.CreateDefault().Policies.Keys);

    /// <summary>Maps free text to a reason code.</summary>
    /// <param name="text">The text; null is treated as blank.</param>
    /// <param name="productName">The product's name, when known: text equal to it is no reason.</param>
    /// <returns>The code, or null for no reason.</returns>
    public string? Map(string? text, string? productName = null)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty || trimmed.IndexOfAnyExcept('?') < 0 || RepeatsName(trimmed, productName))
        {
            return null;
        }

        var asCode = trimmed.ToString().ToLowerInvariant().Replace(' ', '_');
        if (_codes.Contains(asCode))
        {
            return asCode;
        }

        foreach (var (pattern, code) in _patterns)
        {
            if (pattern.IsMatch(trimmed))
            {
                return code;
            }
        }

        return null;
    }

    private static bool RepeatsName(ReadOnlySpan<char> text, string? productName) =>
        productName is not null && text.Equals(productName.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);

    private static Regex? TryCompile(ReasonPattern? pattern, int index, List<string> problems)
    {
        if (pattern is null || string.IsNullOrWhiteSpace(pattern.Pattern) || string.IsNullOrWhiteSpace(pattern.Code))
        {
            problems.Add(
                $"Reason pattern {index} needs a non-blank pattern and code (was {pattern?.ToString() ?? "null"}).");
            return null;
        }

        try
        {
            const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

            return new Regex(pattern.Pattern, options, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            problems.Add($"Reason pattern {index} ('{pattern.Pattern}') is not a valid expression: {ex.Message}");
            return null;
        }
    }
}
