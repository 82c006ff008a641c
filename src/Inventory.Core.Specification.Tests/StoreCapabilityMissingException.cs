namespace Inventory.Core.Specification;

/// <summary>
/// Thrown inside a <see cref="StoreFactAttribute"/> test when the store under test lacks a capability the test
/// needs; the test is then reported as skipped with <see cref="Exception.Message"/> as the reason.
/// </summary>
/// <remarks>Immutable once thrown; safe to share between threads.</remarks>
public sealed class StoreCapabilityMissingException : Exception
{
    /// <summary>Initializes the exception with the reason the capability is missing.</summary>
    /// <param name="reason">Why the test cannot run against this store.</param>
    public StoreCapabilityMissingException(string reason)
        : base(reason)
    {
    }

    /// <summary>Initializes the exception with a default reason.</summary>
    public StoreCapabilityMissingException()
        : base("The store under test lacks a capability this test needs.")
    {
    }

    /// <summary>Initializes the exception with a reason and the exception that revealed the gap.</summary>
    /// <param name="reason">Why the test cannot run against this store.</param>
    /// <param name="innerException">The exception that revealed the gap.</param>
    public StoreCapabilityMissingException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }
}
