using TerritoryBot.Core.Model;

namespace TerritoryBot.Cli;

/// <summary>Where analysis commands get their data: a data folder (--data, in memory) or the database.</summary>
internal static class DataSource
{
    /// <summary>Loads and validates a data set; throws <see cref="BadInputException"/> listing every problem.</summary>
    public static Task<DataSet> LoadAsync(DirectoryInfo? dataDir, CancellationToken ct)
    {
        // Filled in by the import and storage work (issue 2).
        throw new BadInputException("data loading is not available yet");
    }
}
