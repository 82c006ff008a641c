using System.Globalization;
using Inventory.Cli.Replay;
using Inventory.Core.Adjustments;
using nietras.SeparatedValues;
using NodaTime;
using NodaTime.Text;

namespace Inventory.Cli.Audit;

/// <summary>
/// Reads a plain adjustments CSV with the header <c>sku,location,quantity,reason,operator,instant,note</c>.
/// An instant is ISO-8601 with <c>Z</c> or an offset, or a local date and time read in the business zone.
/// </summary>
internal static class PlainAdjustmentReader
{
    public static readonly string[] Columns = ["sku", "location", "quantity", "reason", "operator", "instant", "note"];

    /// <summary>The first year read, so that the day and week before any date read exist.</summary>
    public const int FirstYear = 2;

    /// <summary>The last year read, so that the day and week after any date read exist.</summary>
    public const int LastYear = 9998;

    private static readonly IPattern<OffsetDateTime> Offset = OffsetDateTimePattern.ExtendedIso;
    private static readonly IPattern<LocalDateTime>[] Locals =
    [
        LocalDateTimePattern.ExtendedIso,
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm"),
    ];

    /// <exception cref="MalformedRowException">Thrown on a missing column or the first malformed row.</exception>
    public static List<AuditedAdjustment> Read(
        Stream input, string displayName, DateTimeZone zone, AdjustmentPolicy catalogue, ReasonMapper mapper)
    {
        using var reader = Sep.New(',')
            .Reader(o => o with
            {
                Unescape = true,
                DisableColCountCheck = true,
                CultureInfo = CultureInfo.InvariantCulture,
            })
            .From(input);
        var missing = Columns.Where(c => !reader.Header.TryIndexOf(c, out _)).ToList();
        if (missing.Count > 0)
        {
            throw new MalformedRowException(
                displayName, 1, string.Join(", ", missing), string.Join(",", reader.Header.ColNames),
                "the header lacks required column(s)");
        }

        var adjustments = new List<AuditedAdjustment>();
        int? blankLine = null;
        foreach (var row in reader)
        {
            // Blank lines at the end of a file are harmless; one between rows is a damaged file.
            if (row.ColCount == 1 && row.Span.Trim().IsEmpty)
            {
                blankLine ??= row.LineNumberFrom;
                continue;
            }

            if (blankLine is { } blank)
            {
                throw new MalformedRowException(
                    displayName, blank, "1", string.Empty, "a blank line between rows");
            }

            CsvQuoting.Check(row, ',', displayName);
            RequireColumnCount(row, displayName, reader.Header.ColNames.Count);
            adjustments.Add(Parse(row, displayName, zone, catalogue, mapper));
        }

        return adjustments;
    }

    private static void RequireColumnCount(SepReader.Row row, string file, int expected)
    {
        if (row.ColCount != expected)
        {
            var column = row.ColCount < expected ? row.ColCount + 1 : expected + 1;
            throw new MalformedRowException(
                file,
                row.LineNumberFrom,
                $"{column}",
                row.Span.ToString(),
                $"expected {expected} columns, found {row.ColCount}");
        }
    }

    private static AuditedAdjustment Parse(
        SepReader.Row row, string file, DateTimeZone zone, AdjustmentPolicy catalogue, ReasonMapper mapper)
    {
        var line = row.LineNumberFrom;
        var sku = row["sku"].Span.Trim().ToString();
        if (sku.Length == 0)
        {
            throw new MalformedRowException(file, line, "sku", sku, "a SKU must not be blank");
        }

        var quantityText = row["quantity"].Span.Trim();
        if (!long.TryParse(quantityText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity)
            || quantity == 0)
        {
            throw new MalformedRowException(
                file, line, "quantity", quantityText.ToString(), "not a non-zero whole number of units");
        }

        var reason = row["reason"].Span.Trim().ToString();
        var code = catalogue.Contains(reason) ? reason : mapper.Map(reason);
        var who = row["operator"].Span.Trim().ToString();

        return new AuditedAdjustment(sku, quantity, code, who.Length == 0 ? null : who, ParseInstant(row, file, zone));
    }

    private static Instant ParseInstant(SepReader.Row row, string file, DateTimeZone zone)
    {
        var text = row["instant"].Span.Trim().ToString();
        var instant = TryParseInstant(text, zone) ?? throw new MalformedRowException(
            file,
            row.LineNumberFrom,
            "instant",
            text,
            "not an ISO-8601 instant (with Z or an offset) or a local date and time");

        // The audit reports the day after and the weeks before an adjustment, so the calendar's ends stay out.
        var year = instant.InZone(zone).Year;
        if (year < FirstYear || year > LastYear)
        {
            throw new MalformedRowException(
                file, row.LineNumberFrom, "instant", text, $"the year must be from {FirstYear} to {LastYear}");
        }

        return instant;
    }

    private static Instant? TryParseInstant(string text, DateTimeZone zone)
    {
        var offset = Offset.Parse(text);
        if (offset.Success)
        {
            return offset.Value.ToInstant();
        }

        foreach (var pattern in Locals)
        {
            var local = pattern.Parse(text);
            if (local.Success)
            {
                return local.Value.InZoneLeniently(zone).ToInstant();
            }
        }

        return null;
    }
}
