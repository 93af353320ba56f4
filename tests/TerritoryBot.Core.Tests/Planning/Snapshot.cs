using System.Runtime.CompilerServices;

namespace TerritoryBot.Core.Tests.Planning;

/// <summary>
/// Approved-file snapshots: compares text to NAME.approved.EXT next to the calling test file. On a mismatch
/// writes NAME.received.EXT beside it and fails; UPDATE_SNAPSHOTS=1 rewrites the approved file instead.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string name, string extension, [CallerFilePath] string callerFile = "")
    {
        string directory = Path.GetDirectoryName(callerFile)!;
        string approved = Path.Combine(directory, $"{name}.approved.{extension}");
        string received = Path.Combine(directory, $"{name}.received.{extension}");
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(approved, actual);
            File.Delete(received);
            return;
        }

        string? expected = File.Exists(approved) ? File.ReadAllText(approved).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        string hint = expected is null
            ? $"No approved snapshot {approved}."
            : $"Snapshot differs from {approved} at {FirstDifference(expected, actual)}.";
        Assert.Fail($"{hint} Wrote {received}; compare with `diff {approved} {received}`, and approve with UPDATE_SNAPSHOTS=1 when the change is intended.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end of file>";
            string al = i < a.Length ? a[i] : "<end of file>";
            if (el != al)
            {
                return $"line {i + 1}:\n  approved: {el}\n  received: {al}\n";
            }
        }

        return "an unknown position";
    }
}
