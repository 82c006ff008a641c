using Inventory.Core.Specification;
using Inventory.Core.Storage;

namespace Inventory.Storage.Sqlite.Tests;

/// <summary>
/// Runs the whole adapter conformance kit against a SQLite file; second instances open the same file.
/// </summary>
public sealed class SqliteStoreConformanceTests : InventoryStoreSpecification, IDisposable
{
    private readonly TempDatabase _files = new();

    protected override IInventoryStore CreateStore() => SqliteInventoryStore.Open(_files.NextPath());

    protected override IInventoryStore? OpenSecondInstance(IInventoryStore store) =>
        SqliteInventoryStore.Open(((SqliteInventoryStore)store).Path);

    public void Dispose() => _files.Dispose();
}
