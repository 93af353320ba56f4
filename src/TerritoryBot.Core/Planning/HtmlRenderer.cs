using System.Net;
using System.Text;

namespace TerritoryBot.Core.Planning;

/// <summary>
/// Renders a <see cref="PlanDocument"/> as one self-contained, printable HTML file: inline CSS, inline SVG
/// charts, no scripts and no external resources. Every data string is HTML-escaped.
/// </summary>
public static class HtmlRenderer
{
    private const string Css = """
        :root { --ink:#1d2733; --muted:#5b6776; --line:#d9dee5; --accent:#1f4e79; --soft:#f3f6f9; }
        * { box-sizing: border-box; }
        body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0; background: #fff; font-size: 13px; line-height: 1.45; }
        main { max-width: 1100px; margin: 0 auto; padding: 28px 36px 48px; }
        header { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 18px; }
        h1 { font-size: 24px; margin: 0 0 4px; color: var(--accent); }
        .subtitle { color: var(--muted); margin: 0; }
        h2 { font-size: 18px; color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 4px; margin: 26px 0 10px; }
        h3 { font-size: 15px; margin: 20px 0 8px; }
        p { margin: 6px 0; }
        ul, ol { margin: 6px 0; padding-left: 20px; }
        li { margin: 3px 0; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 12px; }
        th { background: var(--soft); text-align: left; font-weight: 600; }
        th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; vertical-align: top; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        tr { break-inside: avoid; }
        .facts { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 14px; }
        .fact { background: var(--soft); border-radius: 6px; padding: 6px 10px; min-width: 110px; }
        .fact .label { color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .03em; }
        .fact .value { font-size: 16px; font-weight: 600; }
        .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
        figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; break-inside: avoid; }
        figure.wide { grid-column: 1 / span 2; }
        figcaption { color: var(--muted); font-size: 11px; margin-top: 4px; }
        svg { display: block; width: 100%; height: auto; }
        svg text { font-family: inherit; }
        @page { size: A4; margin: 14mm; }
        @media print {
          main { max-width: none; padding: 0; }
          body { font-size: 11px; }
          section.level2.break { break-before: page; }
          h2, h3 { break-after: avoid; }
          figure, table { break-inside: avoid; }
        }
        """;

    public static string Render(PlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(E(document.Title)).Append("</title>\n")
          .Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
          .Append("<header>\n<h1>").Append(E(document.Title)).Append("</h1>\n<p class=\"subtitle\">").Append(E(document.Subtitle)).Append("</p>\n</header>\n");
        foreach (var section in document.Sections)
        {
            bool pageBreak = section.Id == "business-plan";
            sb.Append("<section id=\"").Append(E(section.Id)).Append("\" class=\"level").Append(section.Level).Append(pageBreak ? " break" : "").Append("\">\n")
              .Append("<h").Append(section.Level).Append('>').Append(E(section.Heading)).Append("</h").Append(section.Level).Append(">\n");
            RenderBlocks(sb, section.Blocks);
            sb.Append("</section>\n");
        }

        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void RenderBlocks(StringBuilder sb, IReadOnlyList<DocBlock> blocks)
    {
        bool inCharts = false;
        foreach (var block in blocks)
        {
            bool chart = block is BandChartBlock or TierMixChartBlock or MapChartBlock;
            if (chart && !inCharts)
            {
                sb.Append("<div class=\"charts\">\n");
                inCharts = true;
            }
            else if (!chart && inCharts)
            {
                sb.Append("</div>\n");
                inCharts = false;
            }

            switch (block)
            {
                case ParagraphBlock p:
                    sb.Append("<p>").Append(E(p.Text)).Append("</p>\n");
                    break;
                case ListBlock l:
                    string tag = l.Ordered ? "ol" : "ul";
                    sb.Append('<').Append(tag).Append(">\n");
                    foreach (var item in l.Items)
                    {
                        sb.Append("<li>").Append(E(item)).Append("</li>\n");
                    }

                    sb.Append("</").Append(tag).Append(">\n");
                    break;
                case FactsBlock f:
                    sb.Append("<div class=\"facts\">\n");
                    foreach (var fact in f.Facts)
                    {
                        sb.Append("<div class=\"fact\"><div class=\"label\">").Append(E(fact.Key)).Append("</div><div class=\"value\">").Append(E(fact.Value)).Append("</div></div>\n");
                    }

                    sb.Append("</div>\n");
                    break;
                case TableBlock t:
                    sb.Append("<table>\n<thead><tr>");
                    for (int i = 0; i < t.Headers.Count; i++)
                    {
                        sb.Append(t.NumericColumns[i] ? "<th class=\"num\">" : "<th>").Append(E(t.Headers[i])).Append("</th>");
                    }

                    sb.Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in t.Rows)
                    {
                        sb.Append("<tr>");
                        for (int i = 0; i < row.Count; i++)
                        {
                            sb.Append(i < t.NumericColumns.Count && t.NumericColumns[i] ? "<td class=\"num\">" : "<td>").Append(E(row[i])).Append("</td>");
                        }

                        sb.Append("</tr>\n");
                    }

                    sb.Append("</tbody>\n</table>\n");
                    break;
                case BandChartBlock b:
                    sb.Append("<figure>\n").Append(SvgCharts.Band(b)).Append("<figcaption>Potential ARR of this territory against every territory of the same assignment: team range, median and a ±10% band around it.</figcaption>\n</figure>\n");
                    break;
                case TierMixChartBlock m:
                    sb.Append("<figure>\n").Append(SvgCharts.TierMix(m)).Append("<figcaption>Share of potential ARR and of accounts by tier.</figcaption>\n</figure>\n");
                    break;
                case MapChartBlock map:
                    sb.Append("<figure class=\"wide\">\n").Append(SvgCharts.Map(map)).Append("<figcaption>")
                      .Append(E($"Accounts by location (equirectangular projection), dot area by potential, colour by tier; {Format.Plural(map.Points.Count, "located account")}"
                                + (map.Unlocated > 0 ? $", {Format.Int(map.Unlocated)} without coordinates not shown" : "")
                                + (map.Home is null ? "; no home location on record." : "; the square is the rep's home base.")))
                      .Append("</figcaption>\n</figure>\n");
                    break;
                default:
                    throw new NotSupportedException($"No HTML rendering for {block.GetType().Name}.");
            }
        }

        if (inCharts)
        {
            sb.Append("</div>\n");
        }
    }

    internal static string E(string text) => WebUtility.HtmlEncode(text);
}
