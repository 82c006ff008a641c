namespace Inventory.Storage.Sqlite.Tests;

/// <summary>A private directory for database files, deleted with everything in it.</summary>
internal sealed class TempDatabase : IDisposable
{
    private int _files;

    public TempDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "inventory-sqlite-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string NextPath() => Path.Combine(Directory, $"store-{Interlocked.Increment(ref _files)}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
