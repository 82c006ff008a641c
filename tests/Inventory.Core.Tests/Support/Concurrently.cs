namespace Inventory.Core.Tests.Support;

/// <summary>Runs work on dedicated threads that all start at one barrier, so the calls really interleave.</summary>
internal static class Concurrently
{
    /// <summary>Runs <paramref name="action"/> once for each index below <paramref name="count"/>.</summary>
    /// <returns>A task that completes when every thread has finished; it faults with every exception thrown.</returns>
    public static Task RunAsync(int threads, int count, Func<int, Task> action)
    {
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var barrier = new Barrier(threads);
        var next = -1;
        var workers = Enumerable.Range(0, threads)
            .Select(_ => new Thread(() => Work(barrier, ref next, count, action, errors)) { IsBackground = true })
            .ToList();

        workers.ForEach(w => w.Start());

        return Task.Run(() =>
        {
            workers.ForEach(w => w.Join());
            barrier.Dispose();
            if (!errors.IsEmpty)
            {
                throw new AggregateException(errors);
            }
        });
    }

    private static void Work(
        Barrier barrier,
        ref int next,
        int count,
        Func<int, Task> action,
        System.Collections.Concurrent.ConcurrentQueue<Exception> errors)
    {
        barrier.SignalAndWait();
        int index;
        while ((index = Interlocked.Increment(ref next)) < count)
        {
            try
            {
                action(index).GetAwaiter().GetResult();
            }
            catch (Exception ex)
            {
                errors.Enqueue(ex);
            }
        }
    }
}
