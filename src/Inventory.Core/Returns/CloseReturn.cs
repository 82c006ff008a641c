using Inventory.Core.Ledger;

namespace Inventory.Core.Returns;

/// <summary>A return was cancelled or expired: the units its lines still expect stop counting as incoming.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="ReturnId">The return.</param>
/// <param name="Closure">Cancelled or expired.</param>
/// <param name="LineIds">The lines to close; null closes every line.</param>
/// <remarks>Units already received are not touched; closing twice releases nothing the second time.</remarks>
public sealed record CloseReturn(
    string IdempotencyKey, string ReturnId, ReturnClosure Closure, IReadOnlyList<string>? LineIds = null)
    : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireId(ReturnId, "return id");
        if (!Enum.IsDefined(Closure))
        {
            throw new InvalidCommandException(
                $"CloseReturn '{IdempotencyKey}': closure {(int)Closure} is not defined.");
        }

        if (LineIds is not null)
        {
            RequireDistinct(LineIds, "return line");
        }
    }

    internal override string Fingerprint() =>
        $"return-close {ReturnId} {Closure}: " + (LineIds is null ? "all" : string.Join(", ", LineIds));
}
