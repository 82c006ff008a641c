using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Inventory.Cli.Replay;

/// <summary>
/// Decompresses a gzip file and refuses one that is damaged or cut short: a decoding error, or an end of data that
/// the gzip trailer (CRC-32 and length of the last member) does not confirm, throws
/// <see cref="InvalidDataException"/> whose message names the file.
/// </summary>
/// <remarks>
/// Implementation note: the decompressor stops quietly when the file ends inside a member (a copy cut after a
/// flush point decodes cleanly up to the cut), so the end is checked here. The CRC-32 and length of everything
/// decoded are compared with the file's last eight bytes; a file of several members (concatenated gzip files)
/// fails that test, and then the last member alone is decoded again and compared.
/// </remarks>
internal sealed class GzipInputStream : Stream
{
    private const int TrailerLength = 8;
    private const int MinimumMemberLength = 18;
    private const int MostMemberStartsTried = 64;

    private readonly string _path;
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly Crc32 _crc = new();
    private long _length;
    private bool _ended;

    public GzipInputStream(string path, FileStream file)
    {
        _path = path;
        _file = file;
        _gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty || _ended)
        {
            return 0;
        }

        int read;
        try
        {
            read = _gzip.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw Damaged(ex.Message, ex);
        }

        if (read > 0)
        {
            _crc.Append(buffer[..read]);
            _length += read;
            return read;
        }

        _ended = true;
        CheckTrailer();

        return 0;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    private void CheckTrailer()
    {
        var fileLength = RandomAccess.GetLength(_file.SafeFileHandle);
        if (fileLength < MinimumMemberLength)
        {
            throw Damaged("the file is too short to hold a gzip member", null);
        }

        Span<byte> trailer = stackalloc byte[TrailerLength];
        RandomAccess.Read(_file.SafeFileHandle, trailer, fileLength - TrailerLength);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        if ((crc == _crc.GetCurrentHashAsUInt32() && size == unchecked((uint)_length)) || LastMemberMatches(crc, size))
        {
            return;
        }

        throw Damaged("the data ends before the gzip trailer, or the trailer does not match the data", null);
    }

    /// <summary>Finds the last member's start by its magic bytes, nearest the end first, and checks it alone.</summary>
    private bool LastMemberMatches(uint crc, uint size)
    {
        var bytes = File.ReadAllBytes(_path);
        var tried = 0;
        for (var start = bytes.Length - MinimumMemberLength; start > 0 && tried < MostMemberStartsTried; start--)
        {
            if (bytes[start] == 0x1F && bytes[start + 1] == 0x8B && bytes[start + 2] == 8)
            {
                tried++;
                if (MemberMatches(bytes, start, crc, size))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool MemberMatches(byte[] bytes, int start, uint crc, uint size)
    {
        var memberCrc = new Crc32();
        long length = 0;
        var buffer = new byte[1 << 16];
        try
        {
            var member = new MemoryStream(bytes, start, bytes.Length - start);
            using var gzip = new GZipStream(member, CompressionMode.Decompress);
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                memberCrc.Append(buffer.AsSpan(0, read));
                length += read;
            }
        }
        catch (InvalidDataException)
        {
            return false;
        }

        return memberCrc.GetCurrentHashAsUInt32() == crc && unchecked((uint)length) == size;
    }

    private InvalidDataException Damaged(string detail, Exception? inner) =>
        new($"{_path}: truncated or corrupt gzip ({detail}).", inner);
}
