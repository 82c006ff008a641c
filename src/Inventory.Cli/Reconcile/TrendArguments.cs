using System.CommandLine;
using Inventory.Core.Stock;
using Inventory.Core.Variance;
using NodaTime;
using NodaTime.Text;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// The trend options of <c>inventory reconcile</c>: <c>--previous</c>, <c>--fixed</c>, <c>--recurring-days</c> and
/// <c>--trend-days</c>.
/// </summary>
internal sealed class TrendArguments
{
    private readonly Option<string?> _previous = new("--previous")
    {
        Description = "A directory of earlier JSON reports of inventory reconcile (every *.json file in it).",
    };

    private readonly Option<string[]> _fixed = new("--fixed")
    {
        Description = "Records a fix: sku=yyyy-MM-dd, the business date it was made (repeatable).",
    };

    private readonly Option<int> _recurringDays = new("--recurring-days")
    {
        Description = "Days of the window a finding must appear on to be recurring.",
        DefaultValueFactory = _ => 3,
    };

    private readonly Option<int> _windowDays = new("--trend-days")
    {
        Description = "Business days, ending with today's, the trends look back over.",
        DefaultValueFactory = _ => 7,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_previous);
        command.Options.Add(_fixed);
        command.Options.Add(_recurringDays);
        command.Options.Add(_windowDays);
    }

    /// <summary>Classifies the findings' trends when earlier reports or fixes were given.</summary>
    /// <exception cref="ArgumentException">Thrown when an option's value is malformed.</exception>
    public VarianceReport Apply(ParseResult parse, VarianceReport report, DateTimeZone zone)
    {
        var directory = parse.GetValue(_previous);
        var fixes = parse.GetValue(_fixed) ?? [];
        var options = new TrendOptions
        {
            RecurringDays = parse.GetValue(_recurringDays),
            WindowDays = parse.GetValue(_windowDays),
        };
        foreach (var fix in fixes)
        {
            var (sku, date) = ParseFix(fix);
            options.Fixes[sku] = date;
        }

        var trends = new VarianceTrends(options, zone);
        if (directory is null && fixes.Length == 0)
        {
            return report;
        }

        return trends.Apply(report, directory is null ? [] : PreviousReportReader.ReadDirectory(directory));
    }

    private static (Sku Sku, LocalDate Date) ParseFix(string text)
    {
        var split = text.Split('=', 2);
        if (split.Length != 2 || !Sku.TryCreate(split[0].Trim(), out var sku))
        {
            throw new ArgumentException($"--fixed: '{text}' must be sku=yyyy-MM-dd.");
        }

        var date = LocalDatePattern.Iso.Parse(split[1].Trim());

        return date.Success
            ? (sku, date.Value)
            : throw new ArgumentException($"--fixed: '{split[1]}' in '{text}' is not a date (yyyy-MM-dd).");
    }
}
