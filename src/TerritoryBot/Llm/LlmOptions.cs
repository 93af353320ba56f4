using System.ComponentModel.DataAnnotations;

namespace TerritoryBot.Llm;

/// <summary>
/// The <c>Llm</c> configuration section. Without <see cref="Endpoint"/> nothing of the LLM is registered and the
/// deterministic router and templates answer everything.
/// </summary>
internal sealed class LlmOptions
{
    public const string Section = "Llm";

    /// <summary>Base address of an OpenAI-compatible API, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.</summary>
    [Required]
    [Url]
    public string Endpoint { get; set; } = "";

    /// <summary>Optional: local servers (Ollama, llama.cpp, vLLM) usually need none, and then no Authorization header is sent.</summary>
    public string? ApiKey { get; set; }

    [Required]
    public string Model { get; set; } = "";

    /// <summary>
    /// The whole LLM budget of one turn (every model call, retry and tool round together). After it the turn is
    /// answered deterministically. The default keeps a turn well inside Teams' ~5 s invoke limit.
    /// </summary>
    [Range(1, 60)]
    public double TimeoutSeconds { get; set; } = 3.5;

    /// <summary>Model calls that may ask for tools in one turn before the loop gives up.</summary>
    [Range(1, 8)]
    public int MaxToolRounds { get; set; } = 4;

    /// <summary>The longest Retry-After (429) the bot waits; a longer one means "answer without the model".</summary>
    [Range(0, 10)]
    public double MaxRetryAfterSeconds { get; set; } = 1.5;

    /// <summary>Where the prompt files are; relative paths are resolved against the application directory.</summary>
    public string PromptsDirectory { get; set; } = "prompts";
}
