namespace TerritoryBot.Core.Model;

/// <summary>How an account's potential ARR was estimated.</summary>
public enum PotentialMethod
{
    /// <summary>From the ARR of the nearest comparable current customers, scaled by size.</summary>
    Comparables,

    /// <summary>Too few comparable customers: average ACV × size × fit multipliers.</summary>
    Fallback,
}
