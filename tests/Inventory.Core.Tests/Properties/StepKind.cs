namespace Inventory.Core.Tests.Properties;

/// <summary>What one generated step does to the ledger (or to the clock).</summary>
internal enum StepKind
{
    Receive,
    Reserve,
    Change,
    Move,
    Release,
    Extend,
    Commit,
    Fulfil,
    Cancel,
    External,
    SetCount,
    Adjust,
    Advance,
    Sweep,
    Repeat,
}
