using TerritoryBot.Core.Planning;
using TerritoryBot.Plugins;
using static TerritoryBot.Cards.TeamCardParts;

namespace TerritoryBot.Cards;

/// <summary>
/// Rep fit: the industry question answered first (ranking chart with fallback), then each visible rep's smoothed win
/// rates with sample sizes, pipeline coverage and ramping, then the best-fit rep per industry.
/// </summary>
internal static class FitCard
{
    public static AdaptiveCard Build(FitView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = new AdaptiveCard
        {
            Msteams = new TeamsOptions("Full"),
            FallbackText = view.Question is { } question ? FitView.Sentence(question, view.Self) : (view.Self ? "Your fit record." : $"Rep fit for {Format.Plural(view.Reps.Count, "rep")}."),
        };
        card.Body.Add(Title(view.Self ? "Your fit" : "Rep fit"));
        card.Body.Add(Subtitle($"Win rates from closed deals, smoothed toward the team rate with a {Format.Number(view.PriorStrength)}-deal prior " +
            "(a few deals are not a track record); deal counts in brackets"));
        card.Body.AddRange(ScopeNote(view.ScopeNote));

        if (view.Question is { } q)
        {
            card.Body.Add(Heading(view.Self ? $"You in {CardText.Escape(q.Industry)}" : $"Who fits {CardText.Escape(q.Industry)} best"));
            card.Body.Add(Paragraph(CardText.Escape(FitView.Sentence(q, view.Self))));
            if (!view.Self && q.Ranking.Count > 0)
            {
                card.Body.Add(Bars($"Win rate in {q.Industry}, % (smoothed)",
                    [.. q.Ranking.Select(r => ($"{r.Name} ({r.RepId})", r.Rate.Smoothed * 100, r.Rate.Shown))]));
            }
        }
        else if (!view.Self && view.Reps.Count > 1)
        {
            card.Body.Add(Bars("Overall win rate per rep, % (smoothed)",
                [.. view.Reps.Select(r => ($"{r.Name} ({r.RepId})", r.Overall.Smoothed * 100, r.Overall.Shown))]));
        }

        card.Body.Add(Heading(view.Self ? "Your record" : "Reps"));
        var reps = new Container { Trimmable = true, Spacing = Spacing.Small };
        foreach (var r in view.Reps)
        {
            var facts = new List<Fact>
            {
                new("Overall", r.Overall.Shown),
                new("Strongest industries", r.Industries.Count == 0 ? "no closed deals yet"
                    : string.Join(" · ", r.Industries.Take(FitPlugin.IndustriesPerRep).Select(i => $"{CardText.Escape(i.Name)} {i.Rate.Shown}"))),
                new("By tier", string.Join(" · ", r.Segments.Select(x => $"{CardText.Escape(x.Name)} {Format.Percent(x.Rate.Smoothed)} ({x.Rate.Deals})"))),
                new("Pipeline", FitView.Pipeline(r)),
            };
            if (r.Strengths.Count > 0)
            {
                facts.Add(new("Declared strengths", CardText.Escape(string.Join(", ", r.Strengths))));
            }

            reps.Items.Add(new Container
            {
                Spacing = Spacing.Medium,
                Items =
                [
                    new TextBlock($"**{CardText.Escape(r.Name)}** ({CardText.Escape(r.RepId)}) · {r.Seniority.ToString().ToLowerInvariant()}{(r.Ramping ? " · ramping" : "")}")
                    {
                        Wrap = true,
                    },
                    new FactSet { Spacing = Spacing.Small, Facts = facts },
                ],
            });
        }

        if (view.Reps.Count == 0)
        {
            reps.Items.Add(new TextBlock("No reps to show.") { IsSubtle = true });
        }

        card.Body.Add(reps);

        if (view.BestFit.Count > 0)
        {
            card.Body.Add(Heading("Best fit per industry"));
            var best = new Container { Trimmable = true, Spacing = Spacing.Small };
            best.Items.Add(Row(true, "Industry", "Best fit", "Runner-up"));
            best.Items.AddRange(view.BestFit.Select(b => Row(false,
                CardText.Escape(b.Industry),
                $"{CardText.Escape(b.Name)} {b.Rate.Shown}",
                b.RunnerUp is { } r ? $"{CardText.Escape(b.RunnerUpName ?? "")} {r.Shown}" : "—")));
            card.Body.Add(best);
        }

        return CardJson.FitToSize(card);
    }
}
