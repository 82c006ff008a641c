using Inventory.Core.Specification;
using Inventory.Core.Storage;

namespace Inventory.Storage.PostgreSql.Tests;

/// <summary>
/// Runs the whole adapter conformance kit against PostgreSQL; each store gets a fresh schema, and second instances
/// open their own connection pool on it, as another app server would.
/// </summary>
public sealed class PostgreSqlStoreConformanceTests : InventoryStoreSpecification, IDisposable
{
    private readonly PostgreSqlServer _server = new();

    protected override IInventoryStore CreateStore() =>
        PostgreSqlInventoryStore.OpenAsync(_server.NewSchema()).GetAwaiter().GetResult();

    protected override IInventoryStore? OpenSecondInstance(IInventoryStore store) =>
        PostgreSqlInventoryStore.OpenAsync(((PostgreSqlInventoryStore)store).ConnectionString).GetAwaiter().GetResult();

    public void Dispose() => _server.Dispose();
}
