using NodaTime;

namespace Inventory.Core.Adjustments;

/// <summary>
/// The thresholds of the daily report; a plain options class, checked once by <see cref="DailyAuditor"/>.
/// </summary>
/// <remarks>Not thread-safe while being configured; do not change it after building an auditor from it.</remarks>
public sealed class DailyAuditOptions
{
    /// <summary>Gets or sets the days before the report day that make an operator's baseline rate.</summary>
    /// <value>Default 28.</value>
    public int BaselineDays { get; set; } = 28;

    /// <summary>Gets or sets how many times their baseline daily rate an operator must exceed to be flagged.</summary>
    /// <value>Default 3.</value>
    public int OperatorRateFactor { get; set; } = 3;

    /// <summary>Gets or sets the fewest adjustments in a day for which an operator can be flagged.</summary>
    /// <value>Default 10.</value>
    public int OperatorMinimum { get; set; } = 10;

    /// <summary>Gets or sets how many adjustments of one SKU within <see cref="RepeatWindow"/> raise a flag.</summary>
    /// <value>Default 3.</value>
    public int RepeatCount { get; set; } = 3;

    /// <summary>Gets or sets the window for <see cref="RepeatCount"/>.</summary>
    /// <value>Default 8 hours.</value>
    public Duration RepeatWindow { get; set; } = Duration.FromHours(8);

    /// <summary>
    /// Gets or sets the longest gap between an up and a down (or a down and an up) of one SKU that flags them.
    /// </summary>
    /// <value>Default 4 hours.</value>
    public Duration FlipWindow { get; set; } = Duration.FromHours(4);

    /// <summary>Gets or sets when working hours start, in the business time zone.</summary>
    /// <value>Default 07:00.</value>
    public LocalTime WorkdayStart { get; set; } = new(7, 0);

    /// <summary>Gets or sets when working hours end (exclusive), in the business time zone.</summary>
    /// <value>Default 19:00.</value>
    public LocalTime WorkdayEnd { get; set; } = new(19, 0);

    /// <summary>Gets or sets the units above which one adjustment is flagged as large.</summary>
    /// <value>Default 100.</value>
    public long LargeUnits { get; set; } = 100;

    /// <summary>
    /// Gets or sets the percent of the day's adjustments with reason "other" or none above which the day is flagged.
    /// </summary>
    /// <value>Default 25.</value>
    public int UnexplainedSharePercent { get; set; } = 25;

    /// <summary>Gets or sets the fewest adjustments in a day for which the unexplained share is judged.</summary>
    /// <value>Default 10.</value>
    public int UnexplainedMinimum { get; set; } = 10;

    /// <summary>Lists every problem of the options; empty when they are valid.</summary>
    /// <returns>One sentence per problem, naming the setting and its value.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        AtLeast(problems, nameof(BaselineDays), BaselineDays, 1);
        AtLeast(problems, nameof(OperatorRateFactor), OperatorRateFactor, 1);
        AtLeast(problems, nameof(OperatorMinimum), OperatorMinimum, 1);
        AtLeast(problems, nameof(RepeatCount), RepeatCount, 2);
        AtLeast(problems, nameof(LargeUnits), LargeUnits, 0);
        AtLeast(problems, nameof(UnexplainedMinimum), UnexplainedMinimum, 1);
        if (UnexplainedSharePercent is < 0 or > 100)
        {
            problems.Add($"UnexplainedSharePercent must be 0 to 100 (was {UnexplainedSharePercent}).");
        }

        if (RepeatWindow <= Duration.Zero || FlipWindow <= Duration.Zero)
        {
            problems.Add($"RepeatWindow and FlipWindow must be positive (were {RepeatWindow} and {FlipWindow}).");
        }

        if (WorkdayEnd <= WorkdayStart)
        {
            problems.Add($"WorkdayEnd ({WorkdayEnd}) must be later than WorkdayStart ({WorkdayStart}).");
        }

        return problems;
    }

    private static void AtLeast(List<string> problems, string name, long value, long least)
    {
        if (value < least)
        {
            problems.Add($"{name} must be {least} or more (was {value}).");
        }
    }
}
