using System.Text;

namespace TerritoryBot.Core.Planning;

/// <summary>Renders a <see cref="PlanDocument"/> as GitHub-flavoured Markdown. Data text is escaped so it cannot inject markup.</summary>
public static class MarkdownRenderer
{
    public static string Render(PlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder();
        sb.Append("# ").Append(Escape(document.Title)).Append('\n').Append('\n');
        sb.Append('_').Append(Escape(document.Subtitle)).Append("_\n");
        foreach (var section in document.Sections)
        {
            sb.Append('\n').Append(new string('#', section.Level)).Append(' ').Append(Escape(section.Heading)).Append('\n');
            foreach (var block in section.Blocks)
            {
                sb.Append('\n');
                RenderBlock(sb, block);
            }
        }

        return sb.ToString();
    }

    private static void RenderBlock(StringBuilder sb, DocBlock block)
    {
        switch (block)
        {
            case ParagraphBlock p:
                sb.Append(Escape(p.Text)).Append('\n');
                break;
            case ListBlock l:
                for (int i = 0; i < l.Items.Count; i++)
                {
                    sb.Append(l.Ordered ? $"{i + 1}. " : "- ").Append(Escape(l.Items[i])).Append('\n');
                }

                break;
            case FactsBlock f:
                sb.Append("| ").Append(string.Join(" | ", f.Facts.Select(x => Escape(x.Key)))).Append(" |\n");
                sb.Append('|').Append(string.Concat(f.Facts.Select(_ => "---:|"))).Append('\n');
                sb.Append("| ").Append(string.Join(" | ", f.Facts.Select(x => Escape(x.Value)))).Append(" |\n");
                break;
            case TableBlock t:
                sb.Append("| ").Append(string.Join(" | ", t.Headers.Select(Escape))).Append(" |\n");
                sb.Append('|').Append(string.Concat(t.NumericColumns.Select(n => n ? "---:|" : "---|"))).Append('\n');
                foreach (var row in t.Rows)
                {
                    sb.Append("| ").Append(string.Join(" | ", row.Select(Escape))).Append(" |\n");
                }

                break;
            case BandChartBlock b:
                sb.Append("_Potential against the team: this territory ").Append(Escape(Format.Money(b.Band.This, b.CurrencySymbol)))
                    .Append("; team min ").Append(Escape(Format.Money(b.Band.Min, b.CurrencySymbol)))
                    .Append(", median ").Append(Escape(Format.Money(b.Band.Median, b.CurrencySymbol)))
                    .Append(", max ").Append(Escape(Format.Money(b.Band.Max, b.CurrencySymbol)))
                    .Append(" (rank ").Append(b.Band.Rank).Append(" of ").Append(b.Band.Territories).Append(")._\n");
                break;
            case TierMixChartBlock m:
                sb.Append("_Tier mix by potential: ")
                    .Append(Escape(string.Join(", ", m.Tiers.Where(t => t.Accounts > 0).Select(t => $"{t.Tier} {Format.Percent(t.PotentialShare)} ({Format.Plural(t.Accounts, "account")})"))))
                    .Append("._\n");
                break;
            case MapChartBlock map:
                sb.Append("_Map (HTML version): ").Append(Format.Plural(map.Points.Count, "located account"))
                    .Append(map.Unlocated > 0 ? $", {Format.Int(map.Unlocated)} without coordinates" : "")
                    .Append(map.Home is null ? "; no home location on record" : "")
                    .Append("._\n");
                break;
            default:
                throw new NotSupportedException($"No Markdown rendering for {block.GetType().Name}.");
        }
    }

    /// <summary>Escapes Markdown and inline-HTML syntax and flattens line breaks (table cells are one line).</summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#':
                    sb.Append('\\').Append(c);
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '\r':
                    break;
                case '\n':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
