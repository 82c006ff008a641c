namespace Inventory.Core.Stock;

/// <summary>
/// A stock location identifier: a warehouse, store or bin group that holds stock.
/// </summary>
/// <remarks>
/// <para>
/// A location id is non-empty, has no leading or trailing white space and is at most
/// <see cref="MaxLength"/> characters long. Comparison is ordinal and case-sensitive,
/// as systems that key stock by location do.
/// </para>
/// <para>This type is an immutable value type and is safe to share between threads.</para>
/// </remarks>
public readonly record struct LocationId : IComparable<LocationId>
{
    /// <summary>The longest location id accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 128;

    private readonly string? _value;

    /// <summary>Initializes a location id after checking <paramref name="value"/>.</summary>
    /// <param name="value">The location id text.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// Thrown when <paramref name="value"/> is empty, too long, or has leading or trailing white space.
    /// </exception>
    public LocationId(string value)
    {
        _value = Identifier.Validate(value, MaxLength, "location", nameof(value));
    }

    /// <summary>Gets the location id text; the empty string for a default instance.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Tries to create a location id without throwing.</summary>
    /// <param name="value">The candidate text.</param>
    /// <param name="locationId">The location id when the text is valid.</param>
    /// <returns>True when <paramref name="value"/> is a valid location id.</returns>
    public static bool TryCreate(string? value, out LocationId locationId)
    {
        var ok = Identifier.IsValid(value, MaxLength);
        locationId = ok ? new LocationId(value!) : default;

        return ok;
    }

    /// <inheritdoc/>
    public bool Equals(LocationId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc/>
    public int CompareTo(LocationId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Returns the location id text.</summary>
    /// <returns>The location id text.</returns>
    public override string ToString() => Value;
}
