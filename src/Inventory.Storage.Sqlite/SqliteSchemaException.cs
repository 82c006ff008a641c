using Inventory.Core;

namespace Inventory.Storage.Sqlite;

/// <summary>Thrown when a database file has a schema this version of the store cannot use.</summary>
/// <remarks>Immutable once thrown.</remarks>
public sealed class SqliteSchemaException : InventoryException
{
    /// <summary>Initializes the exception naming the file and the versions.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="found">The schema version found in the file.</param>
    /// <param name="supported">The newest schema version this store knows.</param>
    public SqliteSchemaException(string path, long found, int supported)
        : base($"The inventory database '{path}' has schema version {found}, but this store knows versions up to "
            + $"{supported}; open it with a newer Inventory.Storage.Sqlite. Nothing was changed.")
    {
        Path = path;
        Found = found;
        Supported = supported;
    }

    /// <summary>Gets the database file.</summary>
    public string Path { get; }

    /// <summary>Gets the schema version found in the file.</summary>
    public long Found { get; }

    /// <summary>Gets the newest schema version this store knows.</summary>
    public int Supported { get; }
}
