using System.Diagnostics;
using System.Globalization;
using System.Text;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Model;
using TerritoryBot.Demo;
using TerritoryBot.Import;

namespace TerritoryBot.Benchmarks;

/// <summary>
/// `import-crm [--accounts N] [--runs R]`: the cost of reading CRM exports against our own format. Writes the demo
/// universe (seed 42, default 100,000 accounts) twice: as our data folder, and as a Salesforce export a sales-ops
/// person would download — a report export of accounts (labels, every field quoted, CRLF, "1,200", "$250,000,000",
/// M/D/YYYY dates, owners by full name, the report footer), an Opportunity export with API names and
/// IsClosed/IsWon, and a User export. Times parse + validate (no database) of each, median of R runs (default 3).
/// </summary>
public sealed class CrmImportSweep : ISweep
{
    public string Name => "import-crm";

    public async Task<int> RunAsync(string[] args)
    {
        var accounts = Option(args, "--accounts", 100_000);
        var runs = Option(args, "--runs", 3);
        var root = Directory.CreateTempSubdirectory("tb-bench-crm-").FullName;
        try
        {
            var ours = Path.Combine(root, "ours");
            var crm = Path.Combine(root, "salesforce");
            var universe = DemoGenerator.Generate(new DemoOptions(new DateOnly(2026, 1, 15), accounts, Math.Max(8, accounts / 500), Seed: 42));
            await DemoDataWriter.WriteAsync(universe.Data, ours, CancellationToken.None);
            WriteSalesforce(universe.Data, crm);
            Console.WriteLine($"demo universe (seed 42): {universe.Data.Accounts.Count:N0} accounts, {universe.Data.Opportunities.Count:N0} opportunities; ours {Size(ours):F1} MB, Salesforce-shaped {Size(crm):F1} MB");

            Check(DataFolderLoader.Load(ours), universe.Data);
            Check(DataFolderLoader.Load(crm), universe.Data);
            var ourTime = Measure(runs, () => DataFolderLoader.Load(ours));
            var crmTime = Measure(runs, () => DataFolderLoader.Load(crm));
            Console.WriteLine();
            Console.WriteLine($"| parse + validate, {accounts:N0} accounts (median of {runs}) | wall s | CPU s |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| our format (accounts.csv, reps.csv, opportunities.csv) | {ourTime.Wall:F2} | {ourTime.Cpu:F2} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Salesforce report + API exports (recognised, CRM values, owners by name) | {crmTime.Wall:F2} | {crmTime.Cpu:F2} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio CRM / ours | {crmTime.Wall / ourTime.Wall:F2} | {crmTime.Cpu / ourTime.Cpu:F2} |"));
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void WriteSalesforce(DataSet data, string folder)
    {
        Directory.CreateDirectory(folder);
        var names = data.Reps.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.Count());
        var reps = data.Reps.ToDictionary(r => r.RepId);
        string Owner(string? id) => id is null ? "" : names[reps[id].Name] == 1 ? reps[id].Name : id;
        static string Q(string? s) => "\"" + (s ?? "").Replace("\"", "\"\"") + "\"";
        static string Us(DateOnly? d) => d is { } x ? $"{x.Month}/{x.Day}/{x.Year}" : "";
        var inv = CultureInfo.InvariantCulture;

        var text = new StringBuilder();
        text.Append("\"Account Owner\",\"Account Name\",\"Account ID\",\"Type\",\"Industry\",\"Employees\",\"Annual Revenue\",\"Billing City\",\"Billing State/Province\",\"Billing Zip/Postal Code\",\"Billing Country\",\"Billing Latitude\",\"Billing Longitude\",\"Last Activity\"\r\n");
        foreach (var a in data.Accounts)
        {
            text.Append(string.Join(',', Q(Owner(a.OwnerId)), Q(a.Name), Q(a.AccountId), Q(a.IsCustomer ? "Customer - Direct" : "Prospect"), Q(a.Industry),
                Q(a.Employees.ToString("N0", inv)), Q(a.AnnualRevenue is { } r ? "$" + r.ToString("N0", inv) : ""), Q(a.City), Q(a.Region), Q(a.PostalCode),
                Q(a.Country == "US" ? "United States" : a.Country), Q(a.Location?.Latitude.ToString("R", inv)), Q(a.Location?.Longitude.ToString("R", inv)),
                Q(Us(a.LastActivityDate)))).Append("\r\n");
        }

        text.Append("\"\"\r\n\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"\r\n\"Confidential Information - Do Not Distribute\"\r\n");
        File.WriteAllText(Path.Combine(folder, "Account.csv"), text.ToString(), new UTF8Encoding(false));

        text.Clear().Append("\"ID\",\"ACCOUNTID\",\"OWNERID\",\"AMOUNT\",\"STAGENAME\",\"CLOSEDATE\",\"CREATEDDATE\",\"ISCLOSED\",\"ISWON\",\"LASTACTIVITYDATE\"\n");
        foreach (var o in data.Opportunities)
        {
            text.Append(string.Join(',', Q(o.OpportunityId), Q(o.AccountId), Q(o.OwnerId), Q(o.Amount.ToString("0.0##", inv)), Q(o.Stage),
                Q(o.CloseDate?.ToString("yyyy-MM-dd", inv)), Q(o.CreatedDate is { } c ? c.ToString("yyyy-MM-dd", inv) + "T09:30:00.000+0000" : ""),
                Q(o.IsClosed ? "true" : "false"), Q(o.IsWon ? "true" : "false"), Q(o.LastActivityDate?.ToString("yyyy-MM-dd", inv)))).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, "Opportunity.csv"), text.ToString(), new UTF8Encoding(false));

        text.Clear().Append("\"ID\",\"USERNAME\",\"NAME\",\"EMAIL\",\"ISACTIVE\",\"MANAGERID\"\n");
        foreach (var r in data.Reps)
        {
            text.Append(string.Join(',', Q(r.RepId), Q(r.Email + ".crm"), Q(r.Name), Q(r.Email), Q("true"), Q(r.ManagerId))).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, "User.csv"), text.ToString(), new UTF8Encoding(false));
    }

    private static void Check(DataFolderResult result, DataSet expected)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("export did not validate:\n" + string.Join("\n", result.Errors.Take(10)));
        }

        if (result.Data!.Accounts.Count != expected.Accounts.Count || result.Data.Opportunities.Count != expected.Opportunities.Count)
        {
            throw new InvalidOperationException("export read a different number of rows");
        }
    }

    private static double Size(string folder) => Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length) / 1e6;

    private static (double Wall, double Cpu) Measure(int runs, Action body)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            body();
            wall.Add(watch.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuStart).TotalSeconds);
        }

        wall.Sort();
        cpu.Sort();
        return (wall[wall.Count / 2], cpu[cpu.Count / 2]);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
