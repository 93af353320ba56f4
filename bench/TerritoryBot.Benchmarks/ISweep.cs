namespace TerritoryBot.Benchmarks;

/// <summary>A scale sweep or end-to-end measurement run outside BenchmarkDotNet; prints a Markdown table.</summary>
public interface ISweep
{
    string Name { get; }

    Task<int> RunAsync(string[] args);
}
