using System.CommandLine;
using System.Text.Json;
using Inventory.Core.Ledger;
using Inventory.Core.Storage;
using Inventory.Integrations;
using NodaTime;

namespace Inventory.Cli.CommandLine;

/// <summary>
/// The <c>inventory apply</c> command: applies a stream of mapped commands to a ledger kept in a JSON state file,
/// and prints the resulting positions.
/// </summary>
/// <remarks>
/// The state file holds every command applied so far, in order; loading it replays them into a fresh in-memory
/// ledger. A command whose key is already in the state is a replay and is not stored again, so applying one stream
/// twice leaves the state unchanged.
/// </remarks>
internal static class ApplyCommand
{
    /// <summary>The exit code for unreadable input: a missing file or a line that is not a command.</summary>
    public const int InputError = 2;

    public static Command Create()
    {
        var events = new Argument<string>("events") { Description = "Commands as JSON Lines (one object a line)." };
        var state = new Option<string?>("--state")
        {
            Description = "The JSON state file of the ledger; created when absent.",
            HelpName = "file",
        };

        var command = new Command("apply", "Applies mapped commands to a ledger kept in a state file.")
        {
            events, state,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(events), parse.GetValue(state), parse.InvocationConfiguration, cancellationToken));

        return command;
    }

    private static async Task<int> RunAsync(
        string eventsPath, string? statePath, InvocationConfiguration io, CancellationToken cancellationToken)
    {
        List<LedgerCommand> history;
        List<LedgerCommand> incoming;
        try
        {
            history = statePath is not null && File.Exists(statePath)
                ? await LoadAsync(statePath, cancellationToken).ConfigureAwait(false)
                : [];
            incoming = await ReadLinesAsync(eventsPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PayloadException or IOException or UnauthorizedAccessException)
        {
            await io.Error.WriteLineAsync($"inventory apply: {ex.Message}").ConfigureAwait(false);
            return InputError;
        }

        var ledger = new InventoryLedger(new InMemoryInventoryStore(), SystemClock.Instance, new InventoryOptions());
        if (await ReplayAsync(ledger, history, statePath, io, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return failed;
        }

        foreach (var command in incoming)
        {
            var result = await ExecuteAsync(ledger, command, io, cancellationToken).ConfigureAwait(false);
            if (result is { IsApplied: true, IsReplay: false })
            {
                history.Add(command);
            }
        }

        if (statePath is not null)
        {
            await SaveAsync(statePath, history, cancellationToken).ConfigureAwait(false);
        }

        await PrintPositionsAsync(ledger, io.Output, cancellationToken).ConfigureAwait(false);

        return 0;
    }

    /// <summary>
    /// Replays the stored commands; one the ledger now holds invalid (a state file written before a rule was
    /// checked) stops the run as unreadable input, naming it, rather than with a stack trace.
    /// </summary>
    private static async Task<int?> ReplayAsync(
        InventoryLedger ledger, List<LedgerCommand> history, string? statePath, InvocationConfiguration io,
        CancellationToken cancellationToken)
    {
        foreach (var command in history)
        {
            try
            {
                await ledger.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
            }
            catch (Inventory.Core.InventoryException ex)
            {
                await io.Error.WriteLineAsync(
                    $"inventory apply: {statePath}: stored command '{command.IdempotencyKey}' is invalid: {ex.Message}")
                    .ConfigureAwait(false);
                return InputError;
            }
        }

        return null;
    }

    private static async Task<LedgerResult?> ExecuteAsync(
        InventoryLedger ledger, LedgerCommand command, InvocationConfiguration io, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ledger.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
            if (!result.IsApplied)
            {
                await io.Error.WriteLineAsync($"inventory apply: refused: {result.Message}").ConfigureAwait(false);
            }

            return result;
        }
        catch (Inventory.Core.InventoryException ex)
        {
            await io.Error.WriteLineAsync($"inventory apply: {command.IdempotencyKey}: {ex.Message}")
                .ConfigureAwait(false);
            return null;
        }
    }

    private static async Task<List<LedgerCommand>> ReadLinesAsync(string path, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        var commands = new List<LedgerCommand>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                commands.Add(LedgerCommandReader.ReadLine(lines[i], $"{path}:{i + 1}"));
            }
        }

        return commands;
    }

    private static async Task<List<LedgerCommand>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new PayloadException($"{path}: $", $"the state file is not valid JSON ({ex.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("commands", out var commands)
                || commands.ValueKind != JsonValueKind.Array)
            {
                throw new PayloadException($"{path}: $.commands", "the state file needs a 'commands' array");
            }

            return commands.EnumerateArray()
                .Select((c, i) => LedgerCommandReader.Read(c, $"{path}: $.commands[{i}]"))
                .ToList();
        }
    }

    private static async Task SaveAsync(string path, List<LedgerCommand> history, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            writer.WriteStartObject();
            writer.WriteStartArray("commands");
            foreach (var command in history)
            {
                LedgerCommandJson.Write(writer, command);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static async Task PrintPositionsAsync(
        InventoryLedger ledger, TextWriter output, CancellationToken cancellationToken)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var positions = await ledger.Store.ReadAllPositionsAsync(now, cancellationToken).ConfigureAwait(false);
        foreach (var position in positions)
        {
            await output.WriteLineAsync($"{position.Key}: {position.Effective}").ConfigureAwait(false);
        }
    }
}
