namespace Inventory.Core.Tests.Returns;

internal enum ReturnEventKind
{
    Initiate,
    Receive,
    Close,
    Inspect,
    WriteOff,
    Damage,
    Refund,
    Repeat,
    ReceiveMixed,
}
