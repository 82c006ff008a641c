using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>The base of every event the classifier reads: something that moved, or set, a count.</summary>
/// <param name="Id">The event's own id, quoted as evidence.</param>
/// <param name="Sku">The SKU the event concerns (the parent SKU for a bundle sale).</param>
/// <param name="Location">The location the event concerns.</param>
/// <param name="At">When the event took effect in its system.</param>
/// <remarks>Events are immutable and safe to share between threads.</remarks>
public abstract record VarianceEvent(string Id, Sku Sku, LocationId Location, Instant At)
{
    /// <summary>Checks the fields every event shares, then the subtype's own.</summary>
    /// <exception cref="VarianceInputException">Thrown when a field is blank, default or out of range.</exception>
    public virtual void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            throw new VarianceInputException($"A {GetType().Name} has a blank id.");
        }

        if (Sku.Value.Length == 0 || Location.Value.Length == 0)
        {
            throw new VarianceInputException($"Event '{Id}' has no SKU or no location.");
        }
    }

    /// <summary>Throws when <paramref name="value"/> is not positive.</summary>
    /// <param name="value">The value.</param>
    /// <param name="field">The field name.</param>
    /// <exception cref="VarianceInputException">Thrown when the value is zero or negative.</exception>
    protected void RequirePositive(long value, string field)
    {
        if (value <= 0)
        {
            throw new VarianceInputException($"Event '{Id}': {field} must be positive (was {value}).");
        }
    }

    /// <summary>Throws when <paramref name="value"/> is blank.</summary>
    /// <param name="value">The value.</param>
    /// <param name="field">The field name.</param>
    /// <exception cref="VarianceInputException">Thrown when the value is null, empty or white space.</exception>
    protected void RequireText(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new VarianceInputException($"Event '{Id}': {field} must not be blank.");
        }
    }

    /// <summary>Throws when <paramref name="system"/> is not a defined value.</summary>
    /// <param name="system">The system.</param>
    /// <exception cref="VarianceInputException">Thrown when the value is not defined.</exception>
    protected void RequireSystem(VarianceSystem system)
    {
        // A pattern rather than Enum.IsDefined, which costs a look-up per event of a log of millions.
        if (system is not (VarianceSystem.Channel or VarianceSystem.Warehouse))
        {
            throw new VarianceInputException($"Event '{Id}': system {(int)system} is not defined.");
        }
    }
}
