using TerritoryBot.Core.Model;
using TerritoryBot.Data;
using TerritoryBot.Import;

namespace TerritoryBot.Cli;

/// <summary>Where analysis commands get their data: a data folder (--data, in memory) or the database.</summary>
internal static class DataSource
{
    public const string NoDataMessage = "no data loaded; run `territorybot import --data DIR`";

    /// <summary>Loads and validates a data set; throws <see cref="BadInputException"/> listing every problem.</summary>
    public static Task<DataSet> LoadAsync(DirectoryInfo? dataDir, CancellationToken ct) => LoadAsync(dataDir, null, ct);

    /// <summary>As above, with the database configuration given (tests); null reads appsettings.json and the environment.</summary>
    public static async Task<DataSet> LoadAsync(DirectoryInfo? dataDir, IConfiguration? configuration, CancellationToken ct)
    {
        if (dataDir is not null)
        {
            return IndustryTable.Normalize(LoadFolder(dataDir, ct).Data!);
        }

        await using var db = await TerritoryDatabase.OpenAsync(configuration, ct);
        if (!await db.HasDataAsync(ct))
        {
            throw new BadInputException(NoDataMessage);
        }

        return IndustryTable.Normalize(await db.LoadDataSetAsync(ct));
    }

    /// <summary>Reads a data folder (nothing is written); throws <see cref="BadInputException"/> with every error.</summary>
    public static DataFolderResult LoadFolder(DirectoryInfo dataDir, CancellationToken ct)
    {
        var result = DataFolderLoader.Load(dataDir.FullName, ct);
        return result.Succeeded ? result : throw new BadInputException(result.Errors);
    }
}
