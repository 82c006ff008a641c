using Xunit.Abstractions;
using Xunit.Sdk;

namespace Inventory.Core.Specification;

/// <summary>Finds <see cref="StoreFactAttribute"/> tests and wraps each in a <see cref="StoreFactTestCase"/>.</summary>
/// <remarks>Created by xUnit through reflection. Thread-safe: it keeps no state beyond the diagnostic sink.</remarks>
/// <param name="diagnosticMessageSink">Where xUnit wants diagnostic messages sent.</param>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc/>
    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);

        yield return new StoreFactTestCase(
            diagnosticMessageSink,
            discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(),
            testMethod);
    }
}
