using System.IO.Compression;
using System.Text;

namespace Inventory.Cli.Tests;

/// <summary>A temporary Online Retail CSV file, deleted on dispose.</summary>
internal sealed class TempCsv : IDisposable
{
    public const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    private TempCsv(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>Writes the header and the given data lines.</summary>
    public static TempCsv Of(params string[] rows) => Write(Text(rows), gzip: false);

    /// <summary>Writes the header and rows gzipped, under a name that does not end in .gz.</summary>
    public static TempCsv Gzipped(params string[] rows) => Write(Text(rows), gzip: true);

    public static TempCsv Raw(string text) => Write(text, gzip: false);

    public void Dispose() => File.Delete(Path);

    private static string Text(string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    private static TempCsv Write(string text, bool gzip)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"replay-{Guid.NewGuid():N}.csv");
        var bytes = Encoding.UTF8.GetBytes(text);
        if (gzip)
        {
            using var file = File.Create(path);
            using var zip = new GZipStream(file, CompressionLevel.Fastest);
            zip.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }

        return new TempCsv(path);
    }
}
