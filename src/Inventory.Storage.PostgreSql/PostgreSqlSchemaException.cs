using Inventory.Core;

namespace Inventory.Storage.PostgreSql;

/// <summary>Thrown when a database schema was written by a newer version of this store.</summary>
/// <remarks>Immutable once thrown.</remarks>
public sealed class PostgreSqlSchemaException : InventoryException
{
    /// <summary>Initializes the exception naming the versions.</summary>
    /// <param name="found">The schema version found in the database.</param>
    /// <param name="supported">The newest schema version this store knows.</param>
    public PostgreSqlSchemaException(long found, int supported)
        : base($"The inventory schema has version {found}, but this store knows versions up to {supported}; "
            + "use a newer Inventory.Storage.PostgreSql. Nothing was changed.")
    {
        Found = found;
        Supported = supported;
    }

    /// <summary>Gets the schema version found in the database.</summary>
    public long Found { get; }

    /// <summary>Gets the newest schema version this store knows.</summary>
    public int Supported { get; }
}
