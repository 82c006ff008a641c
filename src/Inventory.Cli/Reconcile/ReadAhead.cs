using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// Enumerates a sequence on a worker thread, a batch ahead of its consumer, so that parsing a file and using its
/// rows take two cores instead of one. The consumer sees the same items in the same order; an exception the
/// sequence throws reaches the consumer after every item before it, as if it had been enumerated in place.
/// </summary>
internal static class ReadAhead
{
    private const int BatchSize = 4096;

    /// <summary>Batches held between the worker and the consumer: enough to even out the two, yet few.</summary>
    private const int BatchesAhead = 4;

    /// <summary>Reads <paramref name="source"/> ahead of the caller.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The sequence; enumerated once, on a worker thread.</param>
    /// <returns>The items, in order.</returns>
    public static IEnumerable<T> Of<T>(IEnumerable<T> source)
    {
        using var batches = new BlockingCollection<T[]>(BatchesAhead);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var worker = Task.Run(() =>
        {
            try
            {
                Fill(source, batches, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early; nothing is waiting for the rest.
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                batches.CompleteAdding();
            }
        });

        try
        {
            foreach (var batch in batches.GetConsumingEnumerable())
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
            }

            worker.GetAwaiter().GetResult();
            failure?.Throw();
        }
        finally
        {
            // A worker blocked on a full queue wakes on the cancellation; wait for it before the queue is disposed.
            stop.Cancel();
            worker.GetAwaiter().GetResult();
        }
    }

    private static void Fill<T>(IEnumerable<T> source, BlockingCollection<T[]> batches, CancellationToken stop)
    {
        var batch = new List<T>(BatchSize);
        try
        {
            foreach (var item in source)
            {
                batch.Add(item);
                if (batch.Count == BatchSize)
                {
                    batches.Add([.. batch], stop);
                    batch.Clear();
                }
            }
        }
        finally
        {
            if (batch.Count > 0 && !stop.IsCancellationRequested)
            {
                batches.Add([.. batch], stop);
            }
        }
    }
}
