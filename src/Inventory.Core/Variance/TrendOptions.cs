using Inventory.Core.Ledger;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>Settings of the trend classification over daily reconciliations, validated once.</summary>
/// <remarks>Not thread-safe while being configured; <see cref="VarianceTrends"/> copies what it needs.</remarks>
public sealed class TrendOptions
{
    /// <summary>Gets or sets how many business days, ending with the report's own, the trends look back over.</summary>
    /// <value>7 by default. Must be at least 1.</value>
    public int WindowDays { get; set; } = 7;

    /// <summary>Gets or sets on how many of those days a finding must appear to be recurring.</summary>
    /// <value>3 by default. Must be between 1 and <see cref="WindowDays"/>.</value>
    public int RecurringDays { get; set; } = 3;

    /// <summary>
    /// Gets the business date a fix was made, per SKU; a finding that recurs after it is resistant.
    /// </summary>
    /// <value>Empty by default.</value>
    public IDictionary<Sku, LocalDate> Fixes { get; } = new Dictionary<Sku, LocalDate>();

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="InventoryOptionsException">Thrown when any setting is invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (WindowDays < 1)
        {
            problems.Add($"WindowDays must be at least 1 (was {WindowDays}).");
        }

        if (RecurringDays < 1 || RecurringDays > WindowDays)
        {
            problems.Add($"RecurringDays must be between 1 and WindowDays {WindowDays} (was {RecurringDays}).");
        }

        if (problems.Count > 0)
        {
            throw new InventoryOptionsException(problems);
        }
    }
}
