using Inventory.Core.Reservations;
using Inventory.Core.Specification;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using Xunit.Sdk;

namespace Inventory.Core.Tests.Storage;

/// <summary>Proves the kit can fail: stores that break one rule each must be caught by the matching test.</summary>
public sealed class ConformanceKitSelfTests
{
    [Fact]
    public async Task RacingAtOneVersion_StoreIgnoringVersions_FailsTheKit()
    {
        var kit = new KitOver(() => new IgnoresVersions(new InMemoryInventoryStore()));

        await Assert.ThrowsAnyAsync<XunitException>(kit.WriteAsync_RacingAtOneVersion_ExactlyOneWritten);
        await Assert.ThrowsAnyAsync<XunitException>(kit.WriteAsync_OneStaleVersionInBatch_WritesNothing);
    }

    [Fact]
    public async Task ManyThreadsReserveLastUnits_StoreIgnoringVersions_FailsTheKit()
    {
        var kit = new KitOver(() => new IgnoresVersions(new InMemoryInventoryStore()));

        await Assert.ThrowsAnyAsync<XunitException>(kit.Ledger_ManyThreadsReserveLastUnits_ExactlyAvailableSucceed);
    }

    [Fact]
    public async Task HoldExpiry_StoreIgnoringExpiry_FailsTheKit()
    {
        var kit = new KitOver(() => new IgnoresExpiry(new InMemoryInventoryStore()));

        await Assert.ThrowsAnyAsync<XunitException>(
            kit.GetPositionAsync_AroundHoldExpiry_CountsTheHoldOnlyBeforeExpiry);
    }

    [Fact]
    public async Task BundleLines_StoreDroppingThem_FailsTheKit()
    {
        var kit = new KitOver(() => new DropsBundleLines(new InMemoryInventoryStore()));

        await Assert.ThrowsAnyAsync<XunitException>(kit.WriteAsync_BundleLinesPut_ReadBackWithTheirOrderOnly);
        await Assert.ThrowsAnyAsync<XunitException>(
            kit.Ledger_BundleSoldThenDefinitionEdited_RecordedLineKeepsTheSoldComposition);
    }

    [Fact]
    public async Task ReturnLines_StoreDroppingThem_FailsTheKit()
    {
        var kit = new KitOver(() => new DropsReturnLines(new InMemoryInventoryStore()));

        await Assert.ThrowsAnyAsync<XunitException>(kit.WriteAsync_ReturnLinesPut_ReadBackWithTheirReturnOnly);
        await Assert.ThrowsAnyAsync<XunitException>(
            kit.WriteAsync_ReturnLinePutAgainThenReplayed_KeepsOneLineWithTheLatestFigures);
        await Assert.ThrowsAnyAsync<XunitException>(kit.WriteAsync_ReturnLinesOfAStaleBatch_AreNotRecorded);
        await Assert.ThrowsAnyAsync<XunitException>(kit.Ledger_ReturnReceivedInspectedAndClosed_MovesStockAsInMemory);
        await Assert.ThrowsAnyAsync<XunitException>(kit.Ledger_ReturnCommandsRepeated_ChangeStockOnce);
        await Assert.ThrowsAnyAsync<XunitException>(kit.Ledger_RefundRestocksBeyondShipped_AreRefused);
    }

    [Fact]
    public async Task ReturnLines_StoreReadingThemWithoutTheirPositions_FailsTheKit()
    {
        var kit = new KitOver(() => new OmitsReturnLinePositions(new InMemoryInventoryStore()));

        await Assert.ThrowsAnyAsync<XunitException>(kit.WriteAsync_ReturnLinesPut_ReadBackWithTheirReturnOnly);
    }

    [Fact]
    public async Task SeveralInstances_AdapterWithoutSecondInstance_ThrowsTheSkipWithItsReason()
    {
        var kit = new KitOver(() => new InMemoryInventoryStore());

        var skip = await Assert.ThrowsAsync<StoreCapabilityMissingException>(
            kit.Ledger_SeveralInstancesReserveLastUnits_ExactlyAvailableSucceed);

        Assert.Contains("OpenSecondInstance returned null", skip.Message, StringComparison.Ordinal);
    }

    private sealed class KitOver(Func<IInventoryStore> create) : InventoryStoreSpecification
    {
        protected override IInventoryStore CreateStore() => create();
    }

    /// <summary>
    /// A broken adapter: writes every batch as if its expected versions were current (a blind write).
    /// </summary>
    private sealed class IgnoresVersions(InMemoryInventoryStore inner) : Delegating(inner)
    {
        private readonly SemaphoreSlim _gate = new(1, 1);

        public override async ValueTask<StoreSnapshot> ReadAsync(StoreQuery query,
            CancellationToken cancellationToken = default)
        {
            var snapshot = await Inner.ReadAsync(query, cancellationToken);

            // Time between a read and its write, as a networked database has, lets other writers in.
            await Task.Delay(1, cancellationToken);

            return snapshot;
        }

        public override async ValueTask<StoreWriteResult> WriteAsync(StoreBatch batch,
            CancellationToken cancellationToken = default)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                var current = new List<PositionWrite>();
                foreach (var write in batch.Positions)
                {
                    var read = await Inner.GetPositionAsync(write.Key, Instant.MinValue, cancellationToken);
                    var version = read.Version;
                    current.Add(write with { ExpectedVersion = version });
                }

                return await Inner.WriteAsync(batch with { Positions = current }, cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>A broken adapter: reports every hold as live whatever the read instant.</summary>
    private sealed class IgnoresExpiry(InMemoryInventoryStore inner) : Delegating(inner)
    {
        public override ValueTask<VersionedPosition> GetPositionAsync(
            PositionKey key, Instant now, CancellationToken cancellationToken = default) =>
            Inner.GetPositionAsync(key, Instant.MinValue, cancellationToken);
    }

    /// <summary>A broken adapter: writes everything but the bundle lines of a batch.</summary>
    private sealed class DropsBundleLines(InMemoryInventoryStore inner) : Delegating(inner)
    {
        public override ValueTask<StoreWriteResult> WriteAsync(StoreBatch batch,
            CancellationToken cancellationToken = default) =>
            Inner.WriteAsync(batch with { BundleLinesPut = [] }, cancellationToken);
    }

    /// <summary>A broken adapter: writes everything but the return lines of a batch.</summary>
    private sealed class DropsReturnLines(InMemoryInventoryStore inner) : Delegating(inner)
    {
        public override ValueTask<StoreWriteResult> WriteAsync(StoreBatch batch,
            CancellationToken cancellationToken = default) =>
            Inner.WriteAsync(batch with { ReturnLinesPut = [] }, cancellationToken);
    }

    /// <summary>
    /// A broken adapter: reads return lines but not their positions, so the ledger cannot write those positions
    /// at the version it read.
    /// </summary>
    private sealed class OmitsReturnLinePositions(InMemoryInventoryStore inner) : Delegating(inner)
    {
        public override async ValueTask<StoreSnapshot> ReadAsync(StoreQuery query,
            CancellationToken cancellationToken = default)
        {
            var snapshot = await Inner.ReadAsync(query, cancellationToken);
            var asked = query.Positions.ToHashSet();
            var positions = snapshot.Positions.Where(p => asked.Contains(p.Key)).ToDictionary();

            return snapshot with { Positions = positions };
        }
    }

    private abstract class Delegating(InMemoryInventoryStore inner) : IInventoryStore
    {
        protected InMemoryInventoryStore Inner => inner;

        public virtual ValueTask<StoreSnapshot> ReadAsync(StoreQuery query,
            CancellationToken cancellationToken = default) =>
            inner.ReadAsync(query, cancellationToken);

        public virtual ValueTask<StoreWriteResult> WriteAsync(StoreBatch batch,
            CancellationToken cancellationToken = default) =>
            inner.WriteAsync(batch, cancellationToken);

        public ValueTask<RecordedOutcome?> FindOutcomeAsync(string idempotencyKey,
            CancellationToken cancellationToken = default) =>
            inner.FindOutcomeAsync(idempotencyKey, cancellationToken);

        public virtual ValueTask<VersionedPosition> GetPositionAsync(
            PositionKey key, Instant now, CancellationToken cancellationToken = default) =>
            inner.GetPositionAsync(key, now, cancellationToken);

        public ValueTask<IReadOnlyList<VersionedPosition>> ReadAllPositionsAsync(
            Instant now, CancellationToken cancellationToken = default) =>
            inner.ReadAllPositionsAsync(now, cancellationToken);

        public ValueTask<IReadOnlyList<Hold>> FindExpiredHoldsAsync(
            Instant now, int maxCount, CancellationToken cancellationToken = default) =>
            inner.FindExpiredHoldsAsync(now, maxCount, cancellationToken);

        public ValueTask<IReadOnlyList<JournalEntry>> ReadJournalAsync(
            long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
            inner.ReadJournalAsync(afterSequence, maxCount, cancellationToken);
    }
}
