using System.Reflection;
using BenchmarkDotNet.Running;
using TerritoryBot.Benchmarks;

// `dotnet run -c Release --project bench/TerritoryBot.Benchmarks -- sweep-NAME [args]` runs a scale sweep;
// anything else goes to BenchmarkDotNet (e.g. `-- --filter '*Scoring*'`).
var sweeps = typeof(ISweep).Assembly.GetTypes()
    .Where(t => typeof(ISweep).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (ISweep)Activator.CreateInstance(t)!)
    .ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

if (args.Length > 0 && sweeps.TryGetValue(args[0], out var sweep))
{
    return await sweep.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "list")
{
    foreach (var name in sweeps.Keys.Order())
    {
        Console.WriteLine(name);
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args);
return 0;
