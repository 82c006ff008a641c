using System.Text;
using System.Text.Json;
using Inventory.Cli.Replay;
using Inventory.Core.Stock;
using Inventory.Core.Variance;
using NodaTime;
using NodaTime.Text;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// Reads earlier JSON reports of <c>inventory reconcile</c> back: every <c>*.json</c> file directly in a directory,
/// keeping only <c>as_of</c> and each finding's <c>sku</c>, <c>location</c> and <c>difference</c>. Errors name the
/// file, the line and the field.
/// </summary>
internal static class PreviousReportReader
{
    public static IReadOnlyList<PastReconciliation> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ArgumentException($"--previous: directory '{directory}' does not exist.");
        }

        return [.. Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(Read)];
    }

    public static PastReconciliation Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var scan = new Scan(path, bytes);
        try
        {
            return scan.Report();
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            throw new MalformedRowException(
                path, line, "json", string.Empty, "expected a report of inventory reconcile");
        }
    }

    /// <summary>One pass over the file's bytes; line numbers are counted only when an error is raised.</summary>
    private ref struct Scan
    {
        private readonly string _path;
        private readonly byte[] _bytes;
        private Utf8JsonReader _json;

        public Scan(string path, byte[] bytes)
        {
            _path = path;
            _bytes = bytes;
            _json = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        }

        public PastReconciliation Report()
        {
            Expect(JsonTokenType.StartObject, "(root)", "expected a JSON object");
            Instant? asOf = null;
            var findings = new List<PastFinding>();
            while (Next() != JsonTokenType.EndObject)
            {
                var name = _json.GetString()!;
                Next();
                switch (name)
                {
                    case "as_of":
                        asOf = Instant("as_of");
                        break;
                    case "findings":
                        ReadFindings(findings);
                        break;
                    default:
                        _json.Skip();
                        break;
                }
            }

            return new PastReconciliation(
                asOf ?? throw Bad(1, "as_of", "(missing)", "expected the report's as_of"), findings);
        }

        private void ReadFindings(List<PastFinding> findings)
        {
            Require(JsonTokenType.StartArray, "findings", "expected an array");
            while (Next() != JsonTokenType.EndArray)
            {
                findings.Add(ReadFinding($"findings[{findings.Count}]"));
            }
        }

        private PastFinding ReadFinding(string at)
        {
            var line = Line();
            Require(JsonTokenType.StartObject, at, "expected an object");
            Sku? sku = null;
            LocationId? location = null;
            long? difference = null;
            while (Next() != JsonTokenType.EndObject)
            {
                var name = _json.GetString()!;
                Next();
                switch (name)
                {
                    case "sku":
                        sku = Core.Stock.Sku.TryCreate(Text($"{at}.sku"), out var s)
                            ? s
                            : throw Here($"{at}.sku", "expected a SKU");
                        break;
                    case "location":
                        location = LocationId.TryCreate(Text($"{at}.location"), out var l)
                            ? l
                            : throw Here($"{at}.location", "expected a location name");
                        break;
                    case "difference":
                        difference = _json.TokenType == JsonTokenType.Number && _json.TryGetInt64(out var d)
                            ? d
                            : throw Here($"{at}.difference", "expected a whole number");
                        break;
                    default:
                        _json.Skip();
                        break;
                }
            }

            return new PastFinding(
                sku ?? throw Bad(line, $"{at}.sku", "(missing)", "expected a SKU"),
                location ?? throw Bad(line, $"{at}.location", "(missing)", "expected a location name"),
                difference ?? throw Bad(line, $"{at}.difference", "(missing)", "expected a whole number"));
        }

        private Instant Instant(string field)
        {
            var parsed = InstantPattern.ExtendedIso.Parse(Text(field));

            return parsed.Success ? parsed.Value : throw Here(field, "expected an ISO-8601 UTC instant");
        }

        private string Text(string field) =>
            _json.TokenType == JsonTokenType.String ? _json.GetString()! : throw Here(field, "expected a string");

        private JsonTokenType Next() =>
            _json.Read() ? _json.TokenType : throw Bad(Line(), "json", string.Empty, "the report ends too early");

        private void Expect(JsonTokenType type, string field, string problem)
        {
            Next();
            Require(type, field, problem);
        }

        private void Require(JsonTokenType type, string field, string problem)
        {
            if (_json.TokenType != type)
            {
                throw Here(field, problem);
            }
        }

        private MalformedRowException Here(string field, string problem) =>
            Bad(Line(), field, Raw(), problem);

        private readonly MalformedRowException Bad(int line, string field, string value, string problem) =>
            new(_path, line, field, value, problem);

        private readonly string Raw() => Encoding.UTF8.GetString(_json.ValueSpan);

        private readonly int Line() => _bytes.AsSpan(0, (int)_json.TokenStartIndex).Count((byte)'\n') + 1;
    }
}
