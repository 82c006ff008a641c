namespace Inventory.Cli.Tests.Reconcile;

/// <summary>A temporary text file, deleted on dispose.</summary>
internal sealed class TempText : IDisposable
{
    public TempText(string text)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"reconcile-{Guid.NewGuid():N}.txt");
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
