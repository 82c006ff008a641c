namespace Inventory.Core.Variance;

/// <summary>
/// A growable array of values kept in pages of a fixed length once it passes one page: growing adds a page
/// instead of copying everything into an array twice the size. A table of millions of rows then allocates about
/// its final size once, where doubling allocates about twice that and leaves the old arrays as holes in the
/// large object heap, each allocation counting towards the next full collection.
/// </summary>
/// <typeparam name="T">The value type of an element.</typeparam>
/// <remarks>Elements start as their default. Not thread-safe to grow; reads may run on several threads.</remarks>
internal sealed class PagedArray<T>
{
    /// <summary>The base-2 logarithm of a page's length.</summary>
    private const int PageShift = 14;

    private const int PageLength = 1 << PageShift;

    private const int PageMask = PageLength - 1;

    /// <summary>The pages; the first grows by doubling until it is a full page, then pages are added.</summary>
    private T[][] _pages = [new T[16]];

    /// <summary>Gets how many elements may be read or written, from 0.</summary>
    public int Length { get; private set; } = 16;

    /// <summary>Gets the element at <paramref name="index"/>, by reference.</summary>
    /// <param name="index">From 0 to <see cref="Length"/> less one.</param>
    public ref T this[int index] => ref _pages[index >> PageShift][index & PageMask];

    /// <summary>Grows, if needed, until <paramref name="length"/> elements may be used.</summary>
    /// <param name="length">The length needed.</param>
    public void EnsureLength(int length)
    {
        while (Length < length)
        {
            if (Length < PageLength)
            {
                var size = Math.Min(checked(Length * 2), PageLength);
                Array.Resize(ref _pages[0], size);
                Length = size;
                continue;
            }

            var pages = Length >> PageShift;
            if (pages == _pages.Length)
            {
                Array.Resize(ref _pages, checked(pages * 2));
            }

            _pages[pages] = new T[PageLength];
            Length = checked(Length + PageLength);
        }
    }
}
