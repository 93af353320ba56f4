using BenchmarkDotNet.Attributes;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Benchmarks.Scoring;

/// <summary>The scoring hot path: `-- --filter '*ScoringBenchmarks*'`.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private DataSet _data = DataSet.Empty;

    [Params(10_000, 100_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup() => _data = DemoGenerator.Generate(new DemoOptions(new DateOnly(2025, 6, 30), Accounts, Math.Max(8, Accounts / 500))).Data;

    [Benchmark]
    public ScoringResult Score() => ScoringEngine.Score(_data, new DateOnly(2025, 6, 30));
}
