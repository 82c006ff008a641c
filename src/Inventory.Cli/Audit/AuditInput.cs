using Inventory.Cli.Replay;
using Inventory.Core.Adjustments;
using NodaTime;

namespace Inventory.Cli.Audit;

/// <summary>Reads the adjustments of an audit input: a plain adjustments CSV or an Online Retail file.</summary>
internal static class AuditInput
{
    /// <summary>Gets whether the file is an Online Retail file (its header names InvoiceNo).</summary>
    public static bool IsRetailFile(string path)
    {
        using var stream = InputFile.Open(path);
        using var text = new StreamReader(stream);
        var header = text.ReadLine() ?? string.Empty;

        return header.Contains(RetailCsvReader.InvoiceNo, StringComparison.Ordinal);
    }

    /// <exception cref="MalformedRowException">Thrown on the first malformed row.</exception>
    public static List<AuditedAdjustment> Read(string path, bool retail, DateTimeZone zone)
    {
        var displayName = Path.GetFileName(path);
        var catalogue = new AdjustmentPolicy(AdjustmentPolicyOptions.CreateDefault());
        using var stream = InputFile.Open(path);
        if (!retail)
        {
            return PlainAdjustmentReader.Read(stream, displayName, zone, catalogue, ReasonMapper.Default);
        }

        var sink = new RetailAdjustmentSink();
        new RetailCsvReader(displayName, skipBadRows: false, progress: null).Read(stream, sink);

        return sink.ToAdjustments(zone, ReasonMapper.Default);
    }
}
