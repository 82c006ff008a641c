using Inventory.Core.Ledger;
using Inventory.Core.Variance;
using NodaTime;
using static Inventory.Core.Tests.Variance.VarianceWorld;
using static Inventory.Core.Variance.VarianceSystem;

namespace Inventory.Core.Tests.Variance;

/// <summary>Each weekly indicator with exact figures, on both sides of and exactly at its threshold.</summary>
public class WeeklyIndicatorTests
{
    [Theory]
    [InlineData(97, true)]
    [InlineData(75, false)]
    [InlineData(74, false)]
    public void Classify_RecordAccuracy_IsShareWithinTolerance(int threshold, bool breached)
    {
        var options = Options();
        options.Thresholds.MinRecordAccuracyPercent = threshold;

        var report = Classify(
            [ChannelRow(A, 10), ChannelRow(B, 5), new(Kit, Here, 3), new(A, new("L2"), 1)],
            [WarehouseRow(A, 10), WarehouseRow(B, 5), new(Kit, Here, 3, 0, 0, 0), new(A, new("L2"), 2, 0, 0, 0)],
            [],
            options);

        Assert.Equal(new VarianceIndicator("record_accuracy_percent", 75.00m, threshold, IndicatorDirection.AtLeast,
            breached), Figure(report, "record_accuracy_percent"));
    }

    [Theory]
    [InlineData(98, 2.00, false)]
    [InlineData(97, 3.00, true)]
    public void Classify_HeroDiscrepancy_IsPercentOfHeroStock(long channel, decimal expected, bool breached)
    {
        var options = Options();
        options.HeroSkus.Add(A);

        var report = Classify([ChannelRow(A, channel), ChannelRow(B, 1)], [WarehouseRow(A, 100)], [], options);

        var figure = Figure(report, "hero_discrepancy_percent");
        Assert.Equal((expected, 2m, breached), (figure.Value, figure.Threshold, figure.Breached));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Classify_Oversells_CountsOversoldLines(int threshold, bool breached)
    {
        var options = Options();
        options.Thresholds.MaxOversells = threshold;

        var report = Classify([], [], [new OversellEvent("x1", "o1", A, Here, 2, At(100)),
            new OversellEvent("x2", "o2", A, Here, 1, At(601))], options);

        var figure = Figure(report, "oversells");
        Assert.Equal((1m, breached), (figure.Value, figure.Breached));
        Assert.Equal(breached, report.Alerts.Any(a => a.Figure == "oversells"));
    }

    [Theory]
    [InlineData(1, 20.00, false)]
    [InlineData(2, 40.00, true)]
    public void Classify_ReservationExpiry_IsShareOfPlaced(int expired, decimal expected, bool breached)
    {
        var events = Enumerable.Range(0, 5).Select(i => Hold($"p{i}", ReservationStage.Placed, 10 + i))
            .Concat(Enumerable.Range(0, expired).Select(i => Hold($"x{i}", ReservationStage.Expired, 50 + i)))
            .Append(Hold("late", ReservationStage.Expired, 601));

        var figure = Figure(Classify([], [], events), "reservation_expiry_percent");

        Assert.Equal((expected, 20m, breached), (figure.Value, figure.Threshold, figure.Breached));
    }

    [Fact]
    public void Classify_NoReservations_GivesNoValueAndNoAlert()
    {
        var report = Classify([], [], []);

        Assert.Equal(
            new VarianceIndicator("reservation_expiry_percent", null, 20m, IndicatorDirection.AtMost, false),
            Figure(report, "reservation_expiry_percent"));
        Assert.Empty(report.Alerts);
    }

    [Fact]
    public void Classify_ReturnToStock_IsNearestRankMedianAndP90InHours()
    {
        // Receipt-to-restock: 60, 120, 180, 240 and 600 minutes; the line without a receipt is not measured.
        VarianceEvent[] events =
        [
            Restock("s5", Channel, "r5", A, 1, 600), Received("v5", Warehouse, "r5", 0),
            Restock("s1", Warehouse, "r1", A, 1, 70), Received("v1", Warehouse, "r1", 10),
            Received("v1b", Channel, "r1", 40), Restock("s2", Warehouse, "r2", A, 1, 140),
            Received("v2", Warehouse, "r2", 20), Restock("s3", Warehouse, "r3", A, 1, 210),
            Received("v3", Warehouse, "r3", 30), Restock("s4", Warehouse, "r4", A, 1, 280),
            Received("v4", Warehouse, "r4", 40), Restock("s6", Warehouse, "r6", A, 1, 100),
            Received("v7", Warehouse, "r7", 100),
        ];
        var options = Options();
        options.AsOf = At(700);
        options.Thresholds.MaxReturnToStockMedianHours = 3;
        options.Thresholds.MaxReturnToStockP90Hours = 9.99m;

        var report = Classify([], [], events, options);

        Assert.Equal((3.00m, false), Pair(Figure(report, "return_to_stock_median_hours")));
        Assert.Equal((10.00m, true), Pair(Figure(report, "return_to_stock_p90_hours")));
    }

    [Theory]
    [InlineData("UTC", 33.33)]
    [InlineData("America/New_York", 50.00)]
    public void Classify_DamagesZeroedSameDay_CountsBothSystemsOnTheReportedBusinessDay(string zone, decimal share)
    {
        // Minute 240 is midnight UTC; 01:00 UTC is still the evening before in New York.
        VarianceEvent[] events =
        [
            Damage("d1c", Channel, "d1", A, 1, 60), Damage("d1w", Warehouse, "d1", A, 1, 180),
            Damage("d2c", Channel, "d2", A, 1, 180), Damage("d2w", Warehouse, "d2", A, 1, 300),
            Damage("d3w", Warehouse, "d3", A, 1, 100),
            Damage("d4w", Warehouse, "d4", A, 1, 500),
        ];
        var options = Options();
        options.BusinessZone = DateTimeZoneProviders.Tzdb[zone];

        var figure = Figure(Classify([], [], events, options), "damages_zeroed_same_day_percent");

        Assert.Equal((share, true), Pair(figure));
    }

    [Theory]
    [InlineData(2, 5.00, false)]
    [InlineData(3, 7.50, true)]
    public void Classify_AdjustmentsPerThousandShipped_CountsLinesOncePerWarehouseUnit(
        int lines, decimal expected, bool breached)
    {
        var events = new List<VarianceEvent>
        {
            Order("w1", Warehouse, "o1", A, 300, 10),
            Order("w2", Warehouse, "o2", B, 60, 20),
            Bundle("w3", Warehouse, "o3", 40, 30),
            Order("c1", Channel, "o4", A, 500, 40),
            Adjust("a0c", Channel, "adj-0", A, 2, "count", 50),
        };
        events.AddRange(
            Enumerable.Range(0, lines).Select(i => Adjust($"a{i}", Warehouse, $"adj-{i}", A, -1, null, 60)));

        var figure = Figure(Classify([], [], events), "adjustments_per_1000_shipped");

        Assert.Equal((expected, breached), Pair(figure));
    }

    [Fact]
    public void Classify_UnexplainedShare_IsUnexplainedUnitsOverDiscrepancyUnits()
    {
        var report = Classify(
            [ChannelRow(A, 110), ChannelRow(B, 7)],
            [WarehouseRow(A, 100), WarehouseRow(B, 10)],
            [Order("e1", Channel, "o1", B, 3, 595)]);

        var figure = Figure(report, "unexplained_percent");

        Assert.Equal((76.92m, true), Pair(figure));
        Assert.Equal(
            new VarianceAlert("unexplained_percent", 76.92m, 10m, IndicatorDirection.AtMost),
            Assert.Single(report.Alerts, a => a.Figure == "unexplained_percent"));
    }

    [Fact]
    public void Classify_Report_CarriesItsAsOfAndEveryFigureInOrder()
    {
        var report = Classify([], [], []);

        Assert.Equal(AsOf, report.AsOf);
        Assert.Equal(
            new[]
            {
                "record_accuracy_percent", "hero_discrepancy_percent", "oversells", "reservation_expiry_percent",
                "return_to_stock_median_hours", "return_to_stock_p90_hours", "damages_zeroed_same_day_percent",
                "adjustments_per_1000_shipped", "unexplained_percent",
            },
            report.Indicators.Select(i => i.Figure));
    }

    [Fact]
    public void Message_NamesFigureValueAndThreshold()
    {
        Assert.Equal(
            "oversells is 3 (at most 0 allowed)",
            new VarianceAlert("oversells", 3m, 0m, IndicatorDirection.AtMost).Message);
        Assert.Equal(
            "record_accuracy_percent is 90.5 (at least 97 required)",
            new VarianceAlert("record_accuracy_percent", 90.5m, 97m, IndicatorDirection.AtLeast).Message);
    }

    [Fact]
    public void Validate_BadThresholds_ReportsEveryProblemTogether()
    {
        var options = Options();
        options.Thresholds.MinRecordAccuracyPercent = 101;
        options.Thresholds.MaxOversells = -1;
        options.Thresholds.MaxUnexplainedPercent = -0.5m;

        var error = Assert.Throws<InventoryOptionsException>(() => new VarianceClassifier(options));

        Assert.Equal(
            new[]
            {
                "Thresholds.MinRecordAccuracyPercent must be between 0 and 100 (was 101).",
                "Thresholds.MaxOversells must not be negative (was -1).",
                "Thresholds.MaxUnexplainedPercent must be between 0 and 100 (was -0.5).",
            },
            error.Problems);
    }

    [Theory]
    [InlineData(new long[] { }, 50, 0)]
    [InlineData(new long[] { 7 }, 90, 7)]
    [InlineData(new long[] { 1, 2 }, 50, 1)]
    [InlineData(new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 90, 9)]
    [InlineData(new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 90, 10)]
    public void Rank_NearestRank_PicksCeilingRank(long[] values, int percent, long expected)
    {
        Assert.Equal(expected, WeeklyIndicators.Rank([.. values], percent));
    }

    private static VarianceIndicator Figure(VarianceReport report, string figure) =>
        Assert.Single(report.Indicators, i => i.Figure == figure);

    private static (decimal?, bool) Pair(VarianceIndicator indicator) => (indicator.Value, indicator.Breached);

    private static ReservationEvent Hold(string id, ReservationStage stage, int minute) =>
        new(id, "h-" + id, A, Here, stage, 1, At(minute));

    private static ReturnEvent Received(string id, VarianceSystem system, string line, int minute) =>
        new(id, system, line, A, Here, ReturnStage.Received, 1, At(minute));
}
