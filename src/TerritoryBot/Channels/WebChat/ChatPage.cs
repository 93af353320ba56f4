using TerritoryBot.Landing;

namespace TerritoryBot.Channels.WebChat;

/// <summary>
/// The chat page's HTML: the landing page's "what is loaded" header, the identity picker, the transcript and the
/// message box. wwwroot/webchat/app.js does the talking; it renders cards with the official adaptivecards renderer
/// when the build installed it (wwwroot/lib), and a plain rendering of text and facts otherwise.
/// </summary>
internal static class ChatPage
{
    /// <summary>Where the build copies the renderer (ClientApp's npm install), relative to wwwroot.</summary>
    public const string RendererFile = "lib/adaptivecards.min.js";

    public static string Render(LandingPage.LoadedCounts counts, bool rendererInstalled)
    {
        ArgumentNullException.ThrowIfNull(counts);
        // Without the renderer, no script tag: the page notices the missing global and uses its plain rendering.
        var renderer = rendererInstalled ? $"<script src=\"/{RendererFile}\"></script>" : "";
        return $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>TerritoryBot web chat</title><link rel="icon" href="data:,">
            <link rel="stylesheet" href="/webchat/app.css">
            </head>
            <body>
            <header>
            <h1>TerritoryBot</h1>
            <div class="loaded">{{LandingPage.LoadedHtml(counts)}}</div>
            <label class="who">Speaking as <select id="identity" aria-label="Speaking as"><option value="">loading…</option></select></label>
            </header>
            <main id="transcript" aria-live="polite"></main>
            <form id="composer" autocomplete="off">
            <input id="message" type="text" maxlength="2000" placeholder="Ask, e.g. “show my territory”" aria-label="Message">
            <button type="submit">Send</button>
            </form>
            <p id="renderer-note" class="note" hidden>The Adaptive Cards renderer is not installed (the build runs <code>npm ci</code> in
            src/TerritoryBot/ClientApp when npm is available), so cards are shown as plain text.</p>
            <noscript><p class="note">The chat needs JavaScript. The command line works without it: <code>territorybot ask --as R001 "show my territory"</code>.</p></noscript>
            {{renderer}}
            <script src="/webchat/app.js"></script>
            </body></html>
            """;
    }
}
