namespace Inventory.Cli.Replay;

/// <summary>Opens an input file as text bytes, decompressing it when it starts with the gzip magic bytes.</summary>
internal static class InputFile
{
    private const int BufferSize = 1 << 16;

    /// <summary>Opens the file; gzip is recognised by its first two bytes (1F 8B), whatever the extension.</summary>
    /// <exception cref="FileNotFoundException">Thrown when the file does not exist.</exception>
    /// <remarks>Reading a damaged or truncated gzip file throws <see cref="InvalidDataException"/> naming it.</remarks>
    public static Stream Open(string path)
    {
        if (!File.Exists(path))
        {
            var problem = Directory.Exists(path) ? "is a directory, not a file" : "does not exist";
            throw new FileNotFoundException($"The file '{path}' {problem}.", path);
        }

        var file = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        if (!IsGzip(file))
        {
            return file;
        }

        return new BufferedStream(new GzipInputStream(path, file), BufferSize);
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;

        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }
}
