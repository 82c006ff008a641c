using System.Globalization;
using nietras.SeparatedValues;

namespace Inventory.Cli.Replay;

/// <summary>
/// Reads an Online Retail CSV file (plain or gzipped) with a header line, checks every row and hands the
/// well-formed ones to a sink. Quoted fields may hold commas, quotes and line breaks.
/// </summary>
internal sealed class RetailCsvReader
{
    public const string InvoiceNo = "InvoiceNo";
    public const string StockCode = "StockCode";
    public const string Description = "Description";
    public const string Quantity = "Quantity";
    public const string InvoiceDate = "InvoiceDate";
    public const string UnitPrice = "UnitPrice";
    public const string CustomerId = "CustomerID";

    private const NumberStyles PriceStyles =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private static readonly string[] Required =
        [InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerId];

    private readonly string _displayName;
    private readonly bool _skipBadRows;
    private readonly TextWriter? _progress;
    private readonly InvoiceDateParser _dates = new();

    public RetailCsvReader(string displayName, bool skipBadRows, TextWriter? progress)
    {
        _displayName = displayName;
        _skipBadRows = skipBadRows;
        _progress = progress;
    }

    /// <summary>Gets the data rows read so far, well-formed or not (the header is not a row).</summary>
    public long Rows { get; private set; }

    /// <summary>Gets the rows that were malformed and skipped (only with skipping of bad rows on).</summary>
    public long BadRows { get; private set; }

    /// <summary>Reads every row of the stream into the sink.</summary>
    /// <exception cref="MalformedRowException">Thrown on the first malformed row unless bad rows are skipped,
    /// and always when the header lacks a required column.</exception>
    public void Read(Stream input, IRetailRowSink sink)
    {
        using var reader = Open(input);
        var columns = ResolveHeader(reader.Header);

        // Blank lines are held back until a row follows them: blank lines at the end of the file are ignored.
        var blankLines = 0;
        var firstBlankLine = 0;
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row.Span.IsEmpty)
            {
                firstBlankLine = blankLines++ == 0 ? row.LineNumberFrom : firstBlankLine;
                continue;
            }

            if (blankLines > 0)
            {
                BlankLinesBetweenRows(firstBlankLine, blankLines, columns);
                blankLines = 0;
            }

            Rows++;
            ReadRow(row, columns, sink);
            if (_progress is not null && Rows % 100_000 == 0)
            {
                _progress.WriteLine($"replay: read {Rows:N0} rows");
            }
        }
    }

    private SepReader Open(Stream input)
    {
        try
        {
            return Sep.New(',')
                .Reader(o => o with
                {
                    Unescape = true,
                    DisableColCountCheck = true,
                    CultureInfo = CultureInfo.InvariantCulture,
                })
                .From(input);
        }
        catch (ArgumentException ex)
        {
            throw Bad(1, RepeatedColumn(ex.Message), ex.Message, "the header names this column more than once");
        }
    }

    /// <summary>Gets the column name the CSV reader quotes first in its message about a repeated header name.</summary>
    private static string RepeatedColumn(string message)
    {
        var start = message.IndexOf('\'');
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);

        return end > start + 1 ? message[(start + 1)..end] : "header";
    }

    private void BlankLinesBetweenRows(int firstBlankLine, int count, ColumnMap columns)
    {
        if (!_skipBadRows)
        {
            var problem = $"a blank line between rows; expected {columns.Count} columns";
            throw Bad(firstBlankLine, "2", string.Empty, problem);
        }

        Rows += count;
        BadRows += count;
    }

    private void ReadRow(SepReader.Row row, ColumnMap columns, IRetailRowSink sink)
    {
        try
        {
            sink.Accept(Parse(row, columns));
        }
        catch (MalformedRowException) when (_skipBadRows)
        {
            BadRows++;
        }
    }

    private RetailRow Parse(SepReader.Row row, ColumnMap columns)
    {
        CsvQuoting.Check(row, ',', _displayName);
        var line = row.LineNumberFrom;
        if (row.ColCount != columns.Count)
        {
            var column = row.ColCount < columns.Count ? $"{row.ColCount + 1}" : $"{columns.Count + 1}";
            throw Bad(line, column, row.Span.ToString(), $"expected {columns.Count} columns, found {row.ColCount}");
        }

        var stockCode = row[columns.StockCode].Span.Trim();
        if (stockCode.IsEmpty || stockCode.Length > Inventory.Core.Stock.Sku.MaxLength)
        {
            throw Bad(line, StockCode, stockCode.ToString(), "a stock code must be 1 to 255 characters");
        }

        return new RetailRow
        {
            Line = line,
            InvoiceNo = row[columns.InvoiceNo].Span.Trim(),
            StockCode = stockCode,
            Description = row[columns.Description].Span,
            Quantity = ParseQuantity(row[columns.Quantity].Span, line),
            InvoiceDate = ParseDate(row[columns.InvoiceDate].Span, line),
            UnitPrice = ParsePrice(row[columns.UnitPrice].Span, line),
            CustomerId = row[columns.CustomerId].Span.Trim(),
        };
    }

    private long ParseQuantity(ReadOnlySpan<char> text, int line) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity)
            ? quantity
            : throw Bad(line, Quantity, text.ToString(), "not a whole number");

    private decimal ParsePrice(ReadOnlySpan<char> text, int line) =>
        decimal.TryParse(text, PriceStyles, CultureInfo.InvariantCulture, out var price)
            ? price
            : throw Bad(line, UnitPrice, text.ToString(), "not a decimal number");

    private NodaTime.Instant ParseDate(ReadOnlySpan<char> text, int line) =>
        _dates.TryParse(text, out var instant)
            ? instant
            : throw Bad(line, InvoiceDate, text.ToString(), "not a date in the form yyyy-MM-dd HH:mm[:ss]");

    private ColumnMap ResolveHeader(SepReaderHeader header)
    {
        var missing = Required.Where(name => !header.TryIndexOf(name, out _)).ToList();
        if (missing.Count > 0)
        {
            var found = string.Join(",", header.ColNames);
            throw Bad(1, string.Join(", ", missing), found, "the header lacks required column(s)");
        }

        return new ColumnMap(
            header.ColNames.Count,
            header.IndexOf(InvoiceNo),
            header.IndexOf(StockCode),
            header.IndexOf(Description),
            header.IndexOf(Quantity),
            header.IndexOf(InvoiceDate),
            header.IndexOf(UnitPrice),
            header.IndexOf(CustomerId));
    }

    private MalformedRowException Bad(int line, string column, string value, string problem) =>
        new(_displayName, line, column, value, problem);

    private readonly record struct ColumnMap(
        int Count,
        int InvoiceNo,
        int StockCode,
        int Description,
        int Quantity,
        int InvoiceDate,
        int UnitPrice,
        int CustomerId);
}
