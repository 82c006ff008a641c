using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Inventory.Core.Specification;

/// <summary>
/// A test case that reports a <see cref="StoreCapabilityMissingException"/> as a skip carrying its reason,
/// and every other failure as a failure.
/// </summary>
/// <remarks>Created and serialized by xUnit. Not thread-safe; xUnit runs each case once at a time.</remarks>
public sealed class StoreFactTestCase : XunitTestCase
{
    /// <summary>Initializes an empty case; used only by xUnit's deserializer.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreFactTestCase()
    {
    }

    /// <summary>Initializes a case for one test method.</summary>
    /// <param name="diagnosticMessageSink">Where diagnostic messages go.</param>
    /// <param name="defaultMethodDisplay">How the method is named in results.</param>
    /// <param name="defaultMethodDisplayOptions">Display options for the method name.</param>
    /// <param name="testMethod">The test method.</param>
    public StoreFactTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    /// <inheritdoc/>
    public override async Task<RunSummary> RunAsync(
        IMessageSink diagnosticMessageSink,
        IMessageBus messageBus,
        object[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource)
    {
        using var bus = new SkipTranslatingMessageBus(messageBus);
        var summary = await base.RunAsync(
                diagnosticMessageSink, bus, constructorArguments, aggregator, cancellationTokenSource)
            .ConfigureAwait(false);

        if (bus.Skipped > 0)
        {
            summary.Failed -= bus.Skipped;
            summary.Skipped += bus.Skipped;
        }

        return summary;
    }
}
