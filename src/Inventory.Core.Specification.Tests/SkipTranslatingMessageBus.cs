using Xunit.Abstractions;
using Xunit.Sdk;

namespace Inventory.Core.Specification;

/// <summary>Passes messages on, turning a failure caused by a missing store capability into a skip.</summary>
internal sealed class SkipTranslatingMessageBus(IMessageBus inner) : IMessageBus
{
    private static readonly string MissingCapability = typeof(StoreCapabilityMissingException).FullName!;

    public int Skipped { get; private set; }

    public bool QueueMessage(IMessageSinkMessage message)
    {
        if (message is ITestFailed failed && failed.ExceptionTypes.FirstOrDefault() == MissingCapability)
        {
            Skipped++;

            return inner.QueueMessage(new TestSkipped(failed.Test, failed.Messages.FirstOrDefault() ?? string.Empty));
        }

        return inner.QueueMessage(message);
    }

    public void Dispose()
    {
        // The inner bus belongs to the runner, which disposes it.
    }
}
