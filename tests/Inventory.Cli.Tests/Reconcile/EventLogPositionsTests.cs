using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Cli.Reconcile;
using Inventory.Core.Variance;

namespace Inventory.Cli.Tests.Reconcile;

/// <summary>
/// The event log's positions: each is the byte offset of its event's line, and a read at positions yields exactly
/// the events there, whatever the line breaks, blank lines, byte order mark, escaped lines or chunk boundaries.
/// </summary>
public class EventLogPositionsTests
{
    [Property(MaxTest = 25)]
    public Property ReadAt_AnyChosenPositions_YieldsExactlyTheirEvents() =>
        Prop.ForAll(Arb.From(Logs()), Arb.From(Gen.Choose(0, int.MaxValue)), (log, seed) =>
        {
            var path = Write(log);
            try
            {
                var bytes = File.ReadAllBytes(path);
                var positioned = EventJsonLinesReader.ReadPositioned(path).ToList();
                var chosen = Choose(positioned, seed);

                var read = EventJsonLinesReader.ReadAt(path, [.. chosen.Select(p => p.Position)]).ToList();

                Assert.Equal(
                    EventJsonLinesReader.Read(path).Select(Describe), positioned.Select(p => Describe(p.Event)));
                Assert.All(positioned, p => Assert.True(StartsLine(bytes, p.Position), $"position {p.Position}"));
                Assert.Equal(chosen.Select(p => Describe(p.Event)), read.Select(Describe));
            }
            finally
            {
                File.Delete(path);
            }
        });

    [Fact]
    public void ReadPositioned_ByteOrderMarkAndCarriageReturns_GivesEachLinesOffset()
    {
        var text = Line("e1") + "\r\n\r\n  " + Line("e2") + "\r" + Line("e3");
        var path = Path.Combine(Path.GetTempPath(), $"positions-{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(path, [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(text)]);
        try
        {
            var positions = EventJsonLinesReader.ReadPositioned(path).Select(p => (p.Position, p.Event.Id));

            var second = 3 + Line("e1").Length + 4;
            Assert.Equal([(3L, "e1"), (second, "e2"), (second + 2 + Line("e2").Length + 1, "e3")], positions);
            Assert.Equal(["e3", "e2"], EventJsonLinesReader.ReadAt(path, [second + 2 + Line("e2").Length + 1])
                .Concat(EventJsonLinesReader.ReadAt(path, [second])).Select(e => e.Id));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadPositioned_WideText_NumbersTheLines()
    {
        var path = Path.Combine(Path.GetTempPath(), $"positions-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, Line("e1") + "\n\n" + Line("e2") + "\n" + Line("e3") + "\n", Encoding.Unicode);
        try
        {
            var positions = EventJsonLinesReader.ReadPositioned(path).Select(p => (p.Position, p.Event.Id));

            Assert.Equal([(1L, "e1"), (3L, "e2"), (4L, "e3")], positions);
            Assert.Equal(["e1", "e3"], EventJsonLinesReader.ReadAt(path, [1, 4]).Select(e => e.Id));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadAt_LineChangedSinceTheFullRead_NamesTheFileAndOffset()
    {
        using var file = new TempText(Line("e1") + "\n" + Line("e2") + "\n");
        var second = EventJsonLinesReader.ReadPositioned(file.Path).Last().Position;
        File.WriteAllText(file.Path, Line("e1") + "\n" + "{\"type\":\"order\"}" + "\n");

        var error = Assert.Throws<IOException>(() => EventJsonLinesReader.ReadAt(file.Path, [second]).ToList());

        Assert.Contains(file.Path, error.Message);
        Assert.Contains($"byte {second}", error.Message);
    }

    [Theory]
    [InlineData("rewritten")]
    [InlineData("truncated")]
    [InlineData("replaced")]
    public void OpenAt_FileChangedSinceTheFirstRead_IsRefusedNamingTheFile(string change)
    {
        using var file = new TempText(Line("e1") + "\n" + Line("e2") + "\n");
        var log = new JsonLinesEventLog(file.Path);
        var positions = log.OpenPositioned().Select(p => p.Position).ToList();
        File.SetLastWriteTimeUtc(file.Path, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        switch (change)
        {
            case "rewritten":
                File.WriteAllText(file.Path, Line("e1") + "\n" + Line("e3") + "\n");
                break;
            case "truncated":
                File.WriteAllText(file.Path, Line("e1") + "\n");
                File.SetLastWriteTimeUtc(file.Path, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
                break;
            default:
                var other = file.Path + ".new";
                File.WriteAllText(other, Line("e1") + "\n" + Line("e2") + "\n");
                File.Move(other, file.Path, overwrite: true);
                break;
        }

        var error = Assert.Throws<IOException>(() => log.OpenAt(positions).ToList());

        Assert.Contains(file.Path + " changed while it was being reconciled", error.Message);
    }

    [Fact]
    public void Classify_FileChangedInPlaceKeepingSizeAndTime_IsRefusedByTheEventsFingerprints()
    {
        using var file = new TempText(Line("e1") + "\n" + Line("e2") + "\n");
        var written = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file.Path, written);
        var log = new RewritingLog(new JsonLinesEventLog(file.Path), () =>
        {
            // Same length, same time of last write: only what the line says has changed.
            File.WriteAllText(file.Path, Line("e1") + "\n" + Line("e2").Replace(":1}", ":7}", StringComparison.Ordinal)
                + "\n");
            File.SetLastWriteTimeUtc(file.Path, written);
        });
        var options = new VarianceOptions { AsOf = NodaTime.Instant.FromUtc(2026, 3, 2, 6, 0) };
        ChannelSnapshotRow[] channel = [new(new("A"), new("Main"), 90)];
        WarehouseSnapshotRow[] warehouse = [new(new("A"), new("Main"), 100, 0, 0, 0)];

        var error = Assert.Throws<VarianceInputException>(
            () => new VarianceClassifier(options).Classify(channel, warehouse, log));

        Assert.Contains("yielded e2 (A @ Main)", error.Message);
        Assert.Contains("changed between its two reads", error.Message);
    }

    [Fact]
    public async Task ReadPositioned_Pipe_IsRefusedByName()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fifo = Path.Combine(Path.GetTempPath(), $"positions-{Guid.NewGuid():N}.fifo");
        using (var make = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            make.WaitForExit();
        }

        try
        {
            var writer = Task.Run(() => File.WriteAllText(fifo, Line("e1") + "\n"));

            var error = Assert.Throws<IOException>(() => EventJsonLinesReader.ReadPositioned(fifo).ToList());

            Assert.Contains("must be a file that can be read twice, not a pipe", error.Message);

            // The writer ends once the reader has let go of the pipe, with or without a broken-pipe error.
            await Task.WhenAny(writer, Task.Delay(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Fact]
    public void Classify_PositionedFileLog_GivesTheReportOfAReadByPairs()
    {
        var channel = ShopifyInventoryReader.Rows(RepositoryFiles.VarianceSample("channel.csv")).ToList();
        var warehouse = WarehouseCsvReader
            .Rows(RepositoryFiles.VarianceSample("warehouse.csv"), WarehouseColumns.Parse([]))
            .Select(read => read.Row).ToList();
        var events = RepositoryFiles.VarianceSample("events.jsonl");
        var options = new VarianceOptions { AsOf = NodaTime.Instant.FromUtc(2026, 3, 2, 6, 0) };

        var positioned = new VarianceClassifier(options).Classify(channel, warehouse, new JsonLinesEventLog(events));
        var byPairs = new VarianceClassifier(options).Classify(channel, warehouse, new PairsOnly(events));

        Assert.NotEmpty(positioned.Findings);
        Assert.Equal(Describe(byPairs), Describe(positioned));
    }

    private static string Describe(VarianceReport report) => string.Join(
        "\n",
        report.Findings.Select(f => $"{f.Sku}@{f.Location} {f.Difference}: " + string.Join(
            "; ", f.Parts.Select(p => $"{p.Cause} {p.Units} {p.Confidence} [{string.Join(",", p.Evidence)}]"))));

    private static string Describe(VarianceEvent item) =>
        $"{item.GetType().Name} {item.Id} {item.Sku} {item.Location} {item.At}";

    private static bool StartsLine(byte[] bytes, long position)
    {
        var start = bytes.AsSpan(0, (int)position);
        var before = start.TrimEnd(" \t"u8);
        var afterBreak = before.IsEmpty || before[^1] is (byte)'\n' or (byte)'\r'
            || (before.Length == 3 && before.SequenceEqual("\uFEFF"u8));

        return afterBreak && before.Length == start.Length
            && bytes.AsSpan((int)position).TrimStart(" \t"u8)[0] == '{';
    }

    private static List<PositionedEvent> Choose(List<PositionedEvent> all, int seed)
    {
        var random = new Random(seed);
        var share = random.NextDouble();

        return [.. all.Where(_ => random.NextDouble() < share)];
    }

    private static string Write(LogText log)
    {
        var path = Path.Combine(Path.GetTempPath(), $"positions-{Guid.NewGuid():N}.jsonl");
        var body = Encoding.UTF8.GetBytes(log.Text);
        File.WriteAllBytes(path, log.ByteOrderMark ? [.. "\uFEFF"u8, .. body] : body);

        return path;
    }

    /// <summary>
    /// Logs of some hundreds to some thousands of lines, so that some span several chunks of the reader: plain lines,
    /// lines with escapes or nesting (read the exact way), blank and indented lines, and every kind of line break.
    /// </summary>
    private static Gen<LogText> Logs() =>
        from count in Gen.Frequency((3, Gen.Choose(1, 300)), (1, Gen.Choose(2500, 4000)))
        from kinds in Gen.ArrayOf(Gen.Choose(0, 9), count)
        from breaks in Gen.ArrayOf(Gen.Elements("\n", "\r\n", "\r", "\n\n", "\n \t\n"), count)
        from bom in Gen.Elements(false, true)
        from padding in Gen.Choose(0, 3)
        select new LogText(
            string.Concat(kinds.Select((kind, i) => new string(' ', i % 4 == 0 ? padding : 0)
                + LineOfKind(kind, $"e{i}") + breaks[i])),
            bom);

    private static string LineOfKind(int kind, string id) => kind switch
    {
        0 => Line(id).Replace("\"sku\":\"A\"", "\"sku\":\"\\u0041\"", StringComparison.Ordinal),
        1 => "{\"type\":\"bundle_sale\",\"id\":\"" + id + "\",\"system\":\"channel\",\"order_id\":\"o2\","
            + "\"sku\":\"KIT\",\"location\":\"Main\",\"at\":\"2026-03-02T05:00:00Z\",\"quantity\":1,"
            + "\"components\":[{\"sku\":\"A\",\"quantity\":2}]}",
        2 => "{\"type\":\"sync_write\",\"id\":\"" + id + "\",\"sku\":\"B\",\"location\":\"Back room\",\"value\":7,"
            + "\"read_at\":\"2026-03-02T04:55:00Z\",\"at\":\"2026-03-02T05:00:00Z\"}",
        _ => Line(id) + new string(' ', kind * 30),
    };

    private static string Line(string id) =>
        "{\"type\":\"order\",\"id\":\"" + id + "\",\"system\":\"channel\",\"order_id\":\"o1\",\"sku\":\"A\","
        + "\"location\":\"Main\",\"at\":\"2026-03-02T05:00:00Z\",\"quantity\":1}";

    /// <summary>The text of a generated log, and whether its file opens with a UTF-8 byte order mark.</summary>
    public sealed record LogText(string Text, bool ByteOrderMark)
    {
        public override string ToString() => $"{Text.Length} characters, mark {ByteOrderMark}";
    }

    /// <summary>A positioned log that runs <paramref name="between"/> before its read at positions.</summary>
    private sealed class RewritingLog(JsonLinesEventLog log, Action between) : IPositionedVarianceEventLog
    {
        public IEnumerable<VarianceEvent> Open(bool syncWritesOnly) => log.Open(syncWritesOnly);

        public IEnumerable<PositionedEvent> OpenPositioned() => log.OpenPositioned();

        public IEnumerable<VarianceEvent> OpenAt(IReadOnlyList<long> positions)
        {
            between();

            return log.OpenAt(positions);
        }
    }

    /// <summary>The file log without its positions, so the classifier reads it a second time by pairs.</summary>
    private sealed class PairsOnly(string path) : IVarianceEventLog
    {
        public IEnumerable<VarianceEvent> Open(bool syncWritesOnly) => new JsonLinesEventLog(path).Open(syncWritesOnly);

        public IEnumerable<VarianceEvent> OpenFor(IReadOnlySet<Core.Stock.PositionKey> pairs, bool syncWritesOnly) =>
            new JsonLinesEventLog(path).OpenFor(pairs, syncWritesOnly);
    }
}
