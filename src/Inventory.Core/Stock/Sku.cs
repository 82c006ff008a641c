namespace Inventory.Core.Stock;

/// <summary>
/// A stock-keeping unit identifier: the name of one sellable or countable item.
/// </summary>
/// <remarks>
/// <para>
/// A SKU is non-empty, has no leading or trailing white space and is at most
/// <see cref="MaxLength"/> characters long. Comparison is ordinal and case-sensitive,
/// because warehouse systems treat "abc-1" and "ABC-1" as different items.
/// </para>
/// <para>This type is an immutable value type and is safe to share between threads.</para>
/// </remarks>
public readonly record struct Sku : IComparable<Sku>
{
    /// <summary>The longest SKU accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 255;

    private readonly string? _value;

    /// <summary>Initializes a SKU after checking <paramref name="value"/>.</summary>
    /// <param name="value">The SKU text.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// Thrown when <paramref name="value"/> is empty, too long, or has leading or trailing white space.
    /// </exception>
    public Sku(string value)
    {
        _value = Identifier.Validate(value, MaxLength, "SKU", nameof(value));
    }

    /// <summary>Gets the SKU text; the empty string for a default instance.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Tries to create a SKU without throwing.</summary>
    /// <param name="value">The candidate text.</param>
    /// <param name="sku">The SKU when the text is valid.</param>
    /// <returns>True when <paramref name="value"/> is a valid SKU.</returns>
    public static bool TryCreate(string? value, out Sku sku)
    {
        var ok = Identifier.IsValid(value, MaxLength);
        sku = ok ? new Sku(value!) : default;

        return ok;
    }

    /// <inheritdoc/>
    public bool Equals(Sku other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc/>
    public int CompareTo(Sku other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Returns the SKU text.</summary>
    /// <returns>The SKU text.</returns>
    public override string ToString() => Value;
}
