using System.ComponentModel;
using Microsoft.SemanticKernel;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;

namespace TerritoryBot.Plugins;

/// <summary>A rep's territory business plan: potential and penetration, top accounts, coverage, quota, milestones, resources, risks.</summary>
internal sealed class PlansPlugin
{
    public const string ShowVerb = "plan.show";

    /// <summary>The analysis line that compares the territory with every other territory's potential (other reps' numbers).</summary>
    internal const string TeamComparisonPrefix = "Against the team:";


    [KernelFunction("business_plan")]
    [Intent("business_plan", Verbs = [ShowVerb])]
    [HelpExample("Business plan", "build my business plan", 50, RepRole.Rep)]
    [Description("Builds a rep's territory business plan: territory potential and penetration, the top 10 accounts and why, coverage strategy by tier, " +
                 "quota decomposition (existing customers vs new logos), quarterly milestones, resource needs and the top 3 risks with mitigations.")]
    public IViewModel BusinessPlan([FromKernelServices] PluginContext context,
        [Description("Rep id (e.g. R002) whose business plan to build; leave empty for the caller's own.")] string? repId = null)
    {
        switch (RepScope.Resolve(context, TerritoryPlugin.Ids(repId), "territories"))
        {
            case RepScope.Refused r:
                return r.Refusal;
            case RepScope.Team team:
                return RepChoiceView.For(team, "business plan", ShowVerb);
            case RepScope.One one:
                var plan = RepPlans.Current(context.Workspace, one.Rep.RepId);
                var bp = plan.BusinessPlan;
                return new BusinessPlanView(
                    one.Rep.RepId, one.Rep.Name, plan.AsOf, plan.Totals,
                    [.. bp.Analysis.Where(line => !line.StartsWith(TeamComparisonPrefix, StringComparison.Ordinal))],
                    [.. bp.TopAccounts.Select(t => new PlanAccount(t.Rank, t.Account.Account.AccountId, t.Account.Account.Name, t.Account.Score.Tier,
                        t.Account.Score.PotentialArr, t.Reasons))],
                    bp.CoverageStrategy, bp.Quota, bp.QuotaNarrative, bp.Milestones, bp.Resources, bp.Risks);
            default:
                throw new InvalidOperationException("unknown scope");
        }
    }
}

internal sealed record PlanAccount(int Rank, string AccountId, string Name, Core.Model.Tier Tier, double PotentialArr, IReadOnlyList<string> Reasons);

internal sealed partial record BusinessPlanView(
    string RepId, string RepName, DateOnly AsOf, TerritoryTotals Totals, IReadOnlyList<string> Analysis, IReadOnlyList<PlanAccount> TopAccounts,
    IReadOnlyList<string> CoverageStrategy, QuotaDecomposition? Quota, IReadOnlyList<string> QuotaNarrative, IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<ResourceNeed> Resources, IReadOnlyList<Risk> Risks) : IViewModel
{
    public string Text
    {
        get
        {
            var lines = new List<string> { $"Business plan for {RepName} ({RepId}) as of {Format.Date(AsOf)}." };
            lines.AddRange(Analysis);
            lines.Add("Top accounts: " + string.Join("; ", TopAccounts.Select(a => $"{a.Rank}. {a.Name} ({a.AccountId}): {string.Join(", ", a.Reasons)}")) + ".");
            lines.AddRange(CoverageStrategy);
            lines.AddRange(QuotaNarrative);
            lines.AddRange(Milestones.Select(m => $"Q{m.Quarter}: {Format.Money(m.Bookings)} bookings ({Format.Money(m.Cumulative)} cumulative); {m.Focus}"));
            lines.AddRange(Resources.Select(r => $"{r.Resource}: {r.Need}"));
            lines.AddRange(Risks.Select((r, i) => $"Risk {i + 1}: {r.Title}. {r.Evidence} Mitigation: {r.Mitigation}"));
            return string.Join(Environment.NewLine, lines);
        }
    }

    public AdaptiveCard? ToCard() => BusinessPlanCard.Build(this);
}
