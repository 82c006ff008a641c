using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Bundles;

/// <summary>One version of a bundle's composition: its children, valid over a half-open span of time.</summary>
/// <param name="Parent">The bundle SKU.</param>
/// <param name="Components">The children with their quantities per parent unit.</param>
/// <param name="ValidFrom">The first instant this version applies; null for "since always".</param>
/// <param name="ValidTo">The first instant this version no longer applies; null for "until further notice".</param>
/// <remarks>
/// <para>
/// A version is checked when it is registered with a <see cref="BundleCatalog"/>, which reports every problem of
/// the batch together. The same child may be listed on several lines; explosion sums them.
/// </para>
/// <para>Immutable; safe to share between threads. The component list is copied on construction.</para>
/// </remarks>
public sealed record BundleDefinition(
    Sku Parent, IReadOnlyList<BundleComponent> Components, Instant? ValidFrom = null, Instant? ValidTo = null)
{
    /// <summary>Gets the children, as given.</summary>
    public IReadOnlyList<BundleComponent> Components { get; init; } = Components is null ? [] : [.. Components];

    /// <summary>Tells whether this version applies at <paramref name="at"/>.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>True when <see cref="ValidFrom"/> &lt;= at &lt; <see cref="ValidTo"/> (open ends always
    /// match).</returns>
    public bool IsValidAt(Instant at) => (ValidFrom is null || ValidFrom <= at) && (ValidTo is null || at < ValidTo);

    /// <summary>Tells whether this version's span and <paramref name="other"/>'s share an instant.</summary>
    /// <param name="other">Another version.</param>
    /// <returns>True when the spans overlap.</returns>
    public bool Overlaps(BundleDefinition other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var startsBeforeOtherEnds = ValidFrom is null || other.ValidTo is null || ValidFrom < other.ValidTo;
        var otherStartsBeforeThisEnds = other.ValidFrom is null || ValidTo is null || other.ValidFrom < ValidTo;

        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    /// <summary>Describes the version's span, for messages.</summary>
    /// <returns>"[from, to)" with "-inf" and "+inf" for open ends.</returns>
    public string Span() => $"[{ValidFrom?.ToString() ?? "-inf"}, {ValidTo?.ToString() ?? "+inf"})";
}
