using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace TerritoryBot.Channels.Teams;

/// <summary>
/// The signing keys of one OpenID metadata document, by key id, with each key's channel endorsements. The
/// endorsements are a Bot Framework extension of JWKS (an <c>endorsements</c> array per key), so the JWKS is read
/// raw here instead of through <c>OpenIdConnectConfigurationRetriever</c>, which drops it.
/// </summary>
internal sealed class SigningKeySet(IReadOnlyDictionary<string, SigningKey> keys)
{
    public IReadOnlyDictionary<string, SigningKey> Keys { get; } = keys;
}

internal sealed record SigningKey(SecurityKey Key, IReadOnlySet<string> Endorsements);

/// <summary>Reads metadata → <c>jwks_uri</c> → JWKS; used by a <see cref="ConfigurationManager{T}"/> that caches and refreshes.</summary>
internal sealed class SigningKeyRetriever : IConfigurationRetriever<SigningKeySet>
{
    public async Task<SigningKeySet> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadata = await retriever.GetDocumentAsync(address, cancel);
        string jwksUri;
        using (var doc = JsonDocument.Parse(metadata))
        {
            jwksUri = doc.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
                ? uri.GetString()!
                : throw new InvalidOperationException($"The OpenID metadata at {address} has no jwks_uri.");
        }

        return Parse(await retriever.GetDocumentAsync(jwksUri, cancel));
    }

    public static SigningKeySet Parse(string jwksJson)
    {
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(jwksJson);
        if (!doc.RootElement.TryGetProperty("keys", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException("The JWKS has no keys array.");
        }

        foreach (var element in array.EnumerateArray())
        {
            var jwk = new JsonWebKey(element.GetRawText());
            // Only RSA signing keys with an id are usable: the token names its key, and only RS256/384/512 are accepted.
            if (string.IsNullOrEmpty(jwk.Kid) || jwk.Kty != JsonWebAlgorithmsKeyTypes.RSA || (jwk.Use is { Length: > 0 } use && use != "sig"))
            {
                continue;
            }

            var endorsements = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (element.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in list.EnumerateArray())
                {
                    if (e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } channel)
                    {
                        endorsements.Add(channel);
                    }
                }
            }

            keys[jwk.Kid] = new SigningKey(jwk, endorsements);
        }

        return new SigningKeySet(keys);
    }
}
