using Xunit;
using Xunit.Sdk;

namespace Inventory.Core.Specification;

/// <summary>
/// Marks a conformance test that runs only when the store under test has a capability; when it lacks it, the
/// test is reported as skipped with the reason the adapter gives, never as passed.
/// </summary>
/// <remarks>
/// Used by the kit's own tests; adapter authors do not need it. Thread-safe: the attribute is immutable.
/// </remarks>
[XunitTestCaseDiscoverer(
    "Inventory.Core.Specification.StoreFactDiscoverer", "Inventory.Core.Specification.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StoreFactAttribute : FactAttribute;
