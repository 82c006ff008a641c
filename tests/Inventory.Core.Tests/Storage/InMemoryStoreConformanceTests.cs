using Inventory.Core.Specification;
using Inventory.Core.Storage;

namespace Inventory.Core.Tests.Storage;

/// <summary>Runs the whole adapter conformance kit against the in-memory store.</summary>
public sealed class InMemoryStoreConformanceTests : InventoryStoreSpecification
{
    protected override string SecondInstanceSkipReason =>
        "The in-memory store lives in one process's memory: there is no database a second instance could share.";

    protected override IInventoryStore CreateStore() => new InMemoryInventoryStore();
}
