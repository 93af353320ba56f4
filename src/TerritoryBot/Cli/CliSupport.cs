using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TerritoryBot.Cli;

/// <summary>Input the user can fix (bad file, unknown rep, bad option): exit code 2, reasons on stderr.</summary>
internal sealed class BadInputException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public BadInputException(string error) : this([error]) { }

    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>Options and plumbing every analysis command shares.</summary>
internal static class CliSupport
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    /// <summary>camelCase, enums as strings: the JSON contract of DATA.md.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The analysis date of a command: today in UTC, so every command and every machine agree.</summary>
    public static DateOnly Today() => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    public static Option<DirectoryInfo?> DataOption() =>
        new("--data") { Description = "Read this data folder instead of the database (nothing is written)." };

    public static Option<bool> JsonOption() =>
        new("--json") { Description = "Print one JSON document on stdout." };

    /// <summary>Runs a command body with the exit-code convention: 0 ok, 2 bad input, 1 anything else.</summary>
    public static async Task<int> RunAsync(ParseResult parseResult, Func<TextWriter, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return await body(output, ct);
        }
        catch (BadInputException e)
        {
            foreach (var line in e.Errors)
            {
                await error.WriteLineAsync(line);
            }

            return BadInput;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled");
            return Failure;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return Failure;
        }
    }

    /// <summary>
    /// Writes <paramref name="file"/> beside itself under a temporary name, then renames it into place: a reader
    /// never sees a half-written file, and a failure leaves any older file untouched and no temporary behind.
    /// The directory must exist.
    /// </summary>
    public static void WriteAtomically(FileInfo file, Action<TextWriter> write)
    {
        var temp = Path.Combine(file.DirectoryName ?? Directory.GetCurrentDirectory(), $".{file.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temp, false, new System.Text.UTF8Encoding(false)))
            {
                write(writer);
            }

            File.Move(temp, file.FullName, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public static void WriteJson<T>(TextWriter output, T value) =>
        output.WriteLine(JsonSerializer.Serialize(value, Json));
}
