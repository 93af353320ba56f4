using System.Globalization;
using System.Text;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Planning;

/// <summary>Inline SVG charts of the HTML plan: potential against the team band, tier mix, territory map.</summary>
internal static class SvgCharts
{
    public static readonly string[] TierColours = ["#1f4e79", "#2e86c1", "#76b7b2", "#b8c4cf"];

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string s) => HtmlRenderer.E(s);

    public static string Band(BandChartBlock block)
    {
        var b = block.Band;
        string s = block.CurrencySymbol;
        const double width = 520, left = 20, right = 500, barY = 58, barH = 22;
        double top = Math.Max(Math.Max(b.Max, b.This), 1) * 1.08;
        double X(double v) => left + (right - left) * Math.Max(0, v) / top;
        var sb = new StringBuilder();
        sb.Append($"<svg viewBox=\"0 0 {N(width)} 130\" role=\"img\" aria-label=\"{E($"Potential {Format.Money(b.This, s)} against team median {Format.Money(b.Median, s)}")}\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        sb.Append("<text x=\"20\" y=\"18\" font-size=\"13\" font-weight=\"600\" fill=\"#1d2733\">Potential ARR against the team</text>\n");
        // Team range, ±10% band around the median, median line, then this territory's bar on top.
        sb.Append($"<rect x=\"{N(X(b.Min))}\" y=\"{N(barY - 12)}\" width=\"{N(Math.Max(1, X(b.Max) - X(b.Min)))}\" height=\"{N(barH + 24)}\" fill=\"#e8eef4\"/>\n");
        sb.Append($"<rect x=\"{N(X(b.Median * 0.9))}\" y=\"{N(barY - 12)}\" width=\"{N(Math.Max(1, X(b.Median * 1.1) - X(b.Median * 0.9)))}\" height=\"{N(barH + 24)}\" fill=\"#cfdce8\"/>\n");
        sb.Append($"<rect x=\"{N(left)}\" y=\"{N(barY)}\" width=\"{N(Math.Max(1, X(b.This) - left))}\" height=\"{N(barH)}\" fill=\"#1f4e79\" rx=\"2\"/>\n");
        sb.Append($"<line x1=\"{N(X(b.Median))}\" x2=\"{N(X(b.Median))}\" y1=\"{N(barY - 16)}\" y2=\"{N(barY + barH + 16)}\" stroke=\"#c0392b\" stroke-width=\"2\"/>\n");
        sb.Append($"<text x=\"{N(X(b.Median))}\" y=\"{N(barY - 20)}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#c0392b\">median {E(Format.Money(b.Median, s))}</text>\n");
        sb.Append($"<text x=\"{N(X(b.Min))}\" y=\"{N(barY + barH + 28)}\" font-size=\"10\" text-anchor=\"start\" fill=\"#5b6776\">min {E(Format.Money(b.Min, s))}</text>\n");
        sb.Append($"<text x=\"{N(X(b.Max))}\" y=\"{N(barY + barH + 28)}\" font-size=\"10\" text-anchor=\"end\" fill=\"#5b6776\">max {E(Format.Money(b.Max, s))}</text>\n");
        string label = $"this territory {Format.Money(b.This, s)} (rank {b.Rank} of {b.Territories})";
        bool inside = X(b.This) - left > 230;
        sb.Append($"<text x=\"{N(inside ? left + 6 : X(b.This) + 6)}\" y=\"{N(barY + 15)}\" font-size=\"11\" fill=\"{(inside ? "#ffffff" : "#1d2733")}\">{E(label)}</text>\n");
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    public static string TierMix(TierMixChartBlock block)
    {
        const double left = 90, right = 500, h = 22;
        double totalPotential = block.Tiers.Sum(t => t.Potential);
        int totalAccounts = block.Tiers.Sum(t => t.Accounts);
        var sb = new StringBuilder();
        sb.Append("<svg viewBox=\"0 0 520 130\" role=\"img\" aria-label=\"Tier mix\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        sb.Append("<text x=\"20\" y=\"18\" font-size=\"13\" font-weight=\"600\" fill=\"#1d2733\">Tier mix</text>\n");
        Row("Potential", 34, block.Tiers.Select(t => totalPotential <= 0 ? 0 : t.Potential / totalPotential).ToArray());
        Row("Accounts", 64, block.Tiers.Select(t => totalAccounts == 0 ? 0 : (double)t.Accounts / totalAccounts).ToArray());
        double lx = 20;
        foreach (var t in block.Tiers)
        {
            sb.Append($"<rect x=\"{N(lx)}\" y=\"104\" width=\"10\" height=\"10\" fill=\"{TierColours[(int)t.Tier]}\"/>");
            string text = $"{t.Tier} {Format.Int(t.Accounts)} · {Format.Money(t.Potential, block.CurrencySymbol)}";
            sb.Append($"<text x=\"{N(lx + 14)}\" y=\"113\" font-size=\"10\" fill=\"#1d2733\">{E(text)}</text>\n");
            lx += 125;
        }

        sb.Append("</svg>\n");
        return sb.ToString();

        void Row(string label, double y, double[] shares)
        {
            sb.Append($"<text x=\"20\" y=\"{N(y + 15)}\" font-size=\"11\" fill=\"#5b6776\">{E(label)}</text>\n");
            double x = left;
            if (shares.Sum() <= 0)
            {
                sb.Append($"<rect x=\"{N(left)}\" y=\"{N(y)}\" width=\"{N(right - left)}\" height=\"{N(h)}\" fill=\"#f3f6f9\" stroke=\"#d9dee5\"/>\n");
                return;
            }

            for (int i = 0; i < shares.Length; i++)
            {
                double w = (right - left) * shares[i];
                if (w <= 0)
                {
                    continue;
                }

                sb.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"{TierColours[i]}\"/>");
                if (w >= 34)
                {
                    sb.Append($"<text x=\"{N(x + w / 2)}\" y=\"{N(y + 15)}\" font-size=\"10\" text-anchor=\"middle\" fill=\"{(i < 2 ? "#ffffff" : "#1d2733")}\">{E(Format.Percent(shares[i]))}</text>");
                }

                sb.Append('\n');
                x += w;
            }
        }
    }

    public static string Map(MapChartBlock block)
    {
        const double width = 1000, height = 420, pad = 30;
        var sb = new StringBuilder();
        sb.Append($"<svg viewBox=\"0 0 {N(width)} {N(height)}\" role=\"img\" aria-label=\"Territory map\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        sb.Append($"<rect x=\"0.5\" y=\"0.5\" width=\"{N(width - 1)}\" height=\"{N(height - 1)}\" fill=\"#f7f9fb\" stroke=\"#d9dee5\"/>\n");
        var located = block.Points.Select(p => p.Location).ToList();
        if (block.Home is { } homePoint)
        {
            located.Add(homePoint);
        }

        if (located.Count == 0)
        {
            sb.Append($"<text x=\"{N(width / 2)}\" y=\"{N(height / 2)}\" font-size=\"14\" text-anchor=\"middle\" fill=\"#5b6776\">No account in this territory has coordinates.</text>\n</svg>\n");
            return sb.ToString();
        }

        double minLat = located.Min(p => p.Latitude), maxLat = located.Max(p => p.Latitude);
        double minLon = located.Min(p => p.Longitude), maxLon = located.Max(p => p.Longitude);
        // Equirectangular: x = lon·cos(mid-latitude), y = −lat; then one uniform scale keeps the shape.
        double cos = Math.Max(0.1, Math.Cos((minLat + maxLat) / 2 * Math.PI / 180));
        double spanX = Math.Max((maxLon - minLon) * cos, 0.5), spanY = Math.Max(maxLat - minLat, 0.5);
        // The plot area leaves a strip at the top for the legend.
        const double legend = 34;
        double plotHeight = height - legend;
        double scale = Math.Min((width - 2 * pad) / spanX, (plotHeight - 2 * pad) / spanY);
        double centreX = (minLon + maxLon) / 2 * cos, centreLat = (minLat + maxLat) / 2;
        (double X, double Y) Project(GeoPoint p) =>
            (width / 2 + (p.Longitude * cos - centreX) * scale, legend + plotHeight / 2 + (centreLat - p.Latitude) * scale);

        // Graticule over the visible extent, with a step that keeps about a dozen lines.
        double latLo = centreLat - plotHeight / 2 / scale, latHi = centreLat + plotHeight / 2 / scale;
        double lonLo = (centreX - width / 2 / scale) / cos, lonHi = (centreX + width / 2 / scale) / cos;
        double step = new[] { 1.0, 2, 5, 10, 20, 30, 45 }.FirstOrDefault(st => Math.Max(latHi - latLo, lonHi - lonLo) / st <= 14, 90);
        for (double lat = Math.Ceiling(latLo / step) * step; lat <= latHi; lat += step)
        {
            double y = Project(new GeoPoint(lat, 0)).Y;
            if (y < legend)
            {
                continue;
            }

            sb.Append($"<line x1=\"0\" x2=\"{N(width)}\" y1=\"{N(y)}\" y2=\"{N(y)}\" stroke=\"#e3e8ee\"/><text x=\"4\" y=\"{N(y - 3)}\" font-size=\"9\" fill=\"#8a96a3\">{N(lat)}°</text>\n");
        }

        for (double lon = Math.Ceiling(lonLo / step) * step; lon <= lonHi; lon += step)
        {
            double x = Project(new GeoPoint(0, lon)).X;
            sb.Append($"<line x1=\"{N(x)}\" x2=\"{N(x)}\" y1=\"{N(legend)}\" y2=\"{N(height)}\" stroke=\"#e3e8ee\"/><text x=\"{N(x + 3)}\" y=\"{N(height - 4)}\" font-size=\"9\" fill=\"#8a96a3\">{N(lon)}°</text>\n");
        }

        double maxPotential = block.Points.Count == 0 ? 1 : Math.Max(1, block.Points.Max(p => p.Potential));
        // Largest first so small dots stay visible on top.
        foreach (var p in block.Points.OrderByDescending(p => p.Potential).ThenBy(p => p.AccountId, StringComparer.Ordinal))
        {
            var (x, y) = Project(p.Location);
            double r = 3 + 11 * Math.Sqrt(Math.Max(0, p.Potential) / maxPotential);
            sb.Append($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" fill=\"{TierColours[(int)p.Tier]}\" fill-opacity=\"0.75\" stroke=\"#ffffff\" stroke-width=\"1\">")
              .Append("<title>").Append(E($"{p.Name} · {p.Tier} · {Format.Money(p.Potential, block.CurrencySymbol)}")).Append("</title></circle>\n");
        }

        if (block.Home is { } home)
        {
            var (hx, hy) = Project(home);
            sb.Append($"<rect x=\"{N(hx - 7)}\" y=\"{N(hy - 7)}\" width=\"14\" height=\"14\" fill=\"#c0392b\" stroke=\"#ffffff\" stroke-width=\"2\"><title>Home base</title></rect>\n");
            sb.Append($"<text x=\"{N(hx + 10)}\" y=\"{N(hy + 4)}\" font-size=\"11\" font-weight=\"600\" fill=\"#c0392b\">Home</text>\n");
        }

        sb.Append($"<line x1=\"0\" x2=\"{N(width)}\" y1=\"{N(legend)}\" y2=\"{N(legend)}\" stroke=\"#d9dee5\"/>\n");
        double lx = width - 4 * 105 - 10;
        for (int i = 0; i < TierColours.Length; i++)
        {
            sb.Append($"<circle cx=\"{N(lx + i * 105 + 6)}\" cy=\"16\" r=\"6\" fill=\"{TierColours[i]}\"/><text x=\"{N(lx + i * 105 + 16)}\" y=\"20\" font-size=\"11\" fill=\"#1d2733\">{(Tier)i}</text>\n");
        }

        sb.Append("</svg>\n");
        return sb.ToString();
    }
}
