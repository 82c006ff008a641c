namespace Inventory.Cli.Replay;

/// <summary>The one category each well-formed row falls into.</summary>
internal enum RowCategory
{
    /// <summary>Not replayed; <see cref="SkipReason"/> says why.</summary>
    Skipped,

    /// <summary>A line of a cart: reserved, committed and fulfilled with the other lines of its invoice.</summary>
    Sale,

    /// <summary>A line of a C invoice: its units come back as resellable stock.</summary>
    Return,

    /// <summary>A manual stock adjustment: no price, no customer.</summary>
    Adjustment,
}
