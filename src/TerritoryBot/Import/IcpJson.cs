using System.Text.Json;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Tiering;

namespace TerritoryBot.Import;

/// <summary>
/// icp.json: the ideal customer profile. Property names match case-insensitively; unknown properties are
/// ignored; a property that is absent keeps the value of <see cref="IcpProfile.Default"/>.
/// The database stores the profile in the same format.
/// </summary>
internal static class IcpJson
{
    public const int MaxBytes = 1 << 20;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    /// <summary>Reads and validates icp.json; null (with the errors reported) when it is not valid.</summary>
    public static IcpProfile? Read(string path, ImportErrors errors)
    {
        const string File = DataFolderLoader.IcpFile;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxBytes)
            {
                errors.AddFile(File, $"is larger than {MaxBytes / (1 << 20)} MiB; an ICP profile is a few lines");
                return null;
            }

            if (info.Length == 0)
            {
                errors.AddFile(File, "the file is empty; expected a JSON object (or remove the file to use the default profile)");
                return null;
            }

            return Parse(System.IO.File.ReadAllBytes(path), message => errors.AddFile(File, message));
        }
        catch (IOException e)
        {
            errors.AddFile(File, $"cannot be read: {e.Message}");
            return null;
        }
    }

    /// <summary>Parses UTF-8 JSON; each problem goes to <paramref name="error"/>; null when there was any.</summary>
    public static IcpProfile? Parse(ReadOnlySpan<byte> utf8, Action<string> error)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), DocumentOptions);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? $"line {l + 1}: " : "";
            var reason = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
            error($"{line}invalid JSON: {reason}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error($"expected a JSON object, found {Kind(root)}");
                return null;
            }

            var failed = false;
            void Fail(string message)
            {
                failed = true;
                error(message);
            }

            var profile = IcpProfile.Default;
            foreach (var property in root.EnumerateObject())
            {
                var value = property.Value;
                switch (property.Name.ToLowerInvariant())
                {
                    case "product":
                        if (value.ValueKind == JsonValueKind.String)
                        {
                            profile = profile with { Product = value.GetString()! };
                        }
                        else
                        {
                            Fail($"product: expected a string, found {Kind(value)}");
                        }

                        break;
                    case "averageacv":
                        if (NonNegative(value, "averageAcv", Fail) is { } acv)
                        {
                            profile = profile with { AverageAcv = acv };
                        }

                        break;
                    case "targetindustries":
                        if (Weights(value, "targetIndustries", Fail) is { } industries)
                        {
                            profile = profile with { TargetIndustries = industries };
                        }

                        break;
                    case "techaffinity":
                        if (Weights(value, "techAffinity", Fail) is { } tech)
                        {
                            profile = profile with { TechAffinity = tech };
                        }

                        break;
                    case "employeerange":
                        if (Range(value, Fail) is { } range)
                        {
                            profile = profile with { EmployeeRange = range };
                        }

                        break;
                    case "competitors":
                        if (Strings(value, "competitors", Fail) is { } competitors)
                        {
                            profile = profile with { Competitors = competitors };
                        }

                        break;
                    case "sizebands":
                        if (Bands(value, Fail) is { } bands)
                        {
                            profile = profile with { SizeBands = bands };
                        }

                        break;
                    case "industrysynonyms":
                        if (Synonyms(value, Fail) is { } synonyms)
                        {
                            profile = profile with { IndustrySynonyms = synonyms };
                        }

                        break;
                }
            }

            // Synonyms must name a target industry: a synonym for an industry the ICP does not weigh would never score.
            foreach (var canonical in profile.IndustrySynonyms.Keys)
            {
                if (!profile.TargetIndustries.ContainsKey(canonical))
                {
                    Fail($"industrySynonyms: '{canonical}' is not one of the targetIndustries ({string.Join(", ", profile.TargetIndustries.Keys)})");
                }
            }

            return failed ? null : profile;
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The profile as icp.json text (DATA.md field names and order), which <see cref="Parse"/> reads back.</summary>
    public static string Serialize(IcpProfile icp, bool indented = false) => JsonSerializer.Serialize(new
    {
        product = icp.Product,
        averageAcv = icp.AverageAcv,
        targetIndustries = icp.TargetIndustries,
        employeeRange = new { min = icp.EmployeeRange.Min, max = icp.EmployeeRange.Max },
        techAffinity = icp.TechAffinity,
        competitors = icp.Competitors,
        sizeBands = icp.SizeBands.OrderBy(b => b.Tier).ToDictionary(
            b => b.Tier.ToString().ToLowerInvariant(),
            b => new { minEmployees = b.MinEmployees, minRevenue = b.MinRevenue }),
        industrySynonyms = icp.IndustrySynonyms,
    }, indented ? Indented : null);

    /// <summary>
    /// sizeBands: {"enterprise": {"minEmployees": 10000, "minRevenue": 2500000000}, "commercial": {...}}; a company meeting
    /// either bound is never tiered below that tier. {} turns the floors off. Checked by <see cref="SizeBands.Problems"/>.
    /// </summary>
    private static List<SizeBand>? Bands(JsonElement value, Action<string> fail)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            fail($"sizeBands: expected an object of tier: {{minEmployees, minRevenue}}, found {Kind(value)}");
            return null;
        }

        var bands = new List<SizeBand>();
        var ok = true;
        foreach (var entry in value.EnumerateObject())
        {
            string name = entry.Name.Trim().ToLowerInvariant();
            Tier? tier = name switch
            {
                "strategic" => Tier.Strategic,
                "enterprise" => Tier.Enterprise,
                "commercial" => Tier.Commercial,
                _ => null,
            };
            if (tier is null)
            {
                fail($"sizeBands: '{entry.Name}' is not a tier with a floor; expected strategic, enterprise or commercial (SMB is the base)");
                ok = false;
                continue;
            }

            if (entry.Value.ValueKind != JsonValueKind.Object)
            {
                fail($"sizeBands.{name}: expected an object with minEmployees and/or minRevenue, found {Kind(entry.Value)}");
                ok = false;
                continue;
            }

            int? employees = null;
            double? revenue = null;
            foreach (var bound in entry.Value.EnumerateObject())
            {
                switch (bound.Name.ToLowerInvariant())
                {
                    case "minemployees":
                        if (bound.Value.ValueKind == JsonValueKind.Null)
                        {
                            break;
                        }

                        if (bound.Value.ValueKind != JsonValueKind.Number || !bound.Value.TryGetInt32(out var e) || e < 1)
                        {
                            fail($"sizeBands.{name}.minEmployees: expected a whole number 1 or more, found {bound.Value.GetRawText()}");
                            ok = false;
                        }
                        else
                        {
                            employees = e;
                        }

                        break;
                    case "minrevenue":
                        if (bound.Value.ValueKind == JsonValueKind.Null)
                        {
                            break;
                        }

                        if (bound.Value.ValueKind != JsonValueKind.Number || !bound.Value.TryGetDouble(out var r) || !double.IsFinite(r) || r <= 0)
                        {
                            fail($"sizeBands.{name}.minRevenue: expected a positive number, found {bound.Value.GetRawText()}");
                            ok = false;
                        }
                        else
                        {
                            revenue = r;
                        }

                        break;
                    default:
                        fail($"sizeBands.{name}: unknown field '{bound.Name}'; expected minEmployees and/or minRevenue");
                        ok = false;
                        break;
                }
            }

            bands.Add(new SizeBand(tier.Value, employees, revenue));
        }

        if (!ok)
        {
            return null;
        }

        var problems = SizeBands.Problems(bands);
        foreach (var problem in problems)
        {
            fail($"sizeBands.{problem}");
        }

        return problems.Count == 0 ? bands : null;
    }

    /// <summary>industrySynonyms: {"Software": ["SaaS", "Computer Software"]}; a label may mean one industry only.</summary>
    private static Dictionary<string, IReadOnlyList<string>>? Synonyms(JsonElement value, Action<string> fail)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            fail($"industrySynonyms: expected an object of industry: [labels], found {Kind(value)}");
            return null;
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var ok = true;
        foreach (var entry in value.EnumerateObject())
        {
            var canonical = entry.Name.Trim();
            if (canonical.Length == 0)
            {
                fail("industrySynonyms: an industry name is empty");
                ok = false;
                continue;
            }

            if (Strings(entry.Value, $"industrySynonyms.{canonical}", fail) is not { } labels)
            {
                ok = false;
                continue;
            }

            var kept = new List<string>();
            foreach (var raw in labels)
            {
                var label = raw.Trim();
                if (label.Length == 0)
                {
                    fail($"industrySynonyms.{canonical}: a label is empty");
                    ok = false;
                }
                else if (owner.TryGetValue(label, out var other) && !other.Equals(canonical, StringComparison.OrdinalIgnoreCase))
                {
                    fail($"industrySynonyms: '{label}' is listed for both '{other}' and '{canonical}'");
                    ok = false;
                }
                else if (owner.TryAdd(label, canonical))
                {
                    kept.Add(label);
                }
            }

            if (!result.TryAdd(canonical, kept))
            {
                fail($"industrySynonyms: '{canonical}' appears twice (names match case-insensitively)");
                ok = false;
            }
        }

        return ok ? result : null;
    }

    private static double? NonNegative(JsonElement value, string name, Action<string> fail)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            fail($"{name}: expected a number, found {Kind(value)}");
            return null;
        }

        if (number < 0)
        {
            fail($"{name}: {value.GetRawText()} must be 0 or more");
            return null;
        }

        return number;
    }

    private static Dictionary<string, double>? Weights(JsonElement value, string name, Action<string> fail)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            fail($"{name}: expected an object of name: weight, found {Kind(value)}");
            return null;
        }

        var weights = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var ok = true;
        foreach (var entry in value.EnumerateObject())
        {
            var key = entry.Name.Trim();
            if (key.Length == 0)
            {
                fail($"{name}: a name is empty");
                ok = false;
            }
            else if (NonNegative(entry.Value, $"{name}.{key}", fail) is not { } weight)
            {
                ok = false;
            }
            else if (!weights.TryAdd(key, weight))
            {
                fail($"{name}: '{key}' appears twice (names match case-insensitively)");
                ok = false;
            }
        }

        return ok ? weights : null;
    }

    private static EmployeeRange? Range(JsonElement value, Action<string> fail)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            fail($"employeeRange: expected an object with min and max, found {Kind(value)}");
            return null;
        }

        int? min = null, max = null;
        var ok = true;
        foreach (var entry in value.EnumerateObject())
        {
            var which = entry.Name.ToLowerInvariant();
            if (which is not ("min" or "max"))
            {
                continue;
            }

            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt32(out var n) || n < 0)
            {
                fail($"employeeRange.{which}: expected a whole number 0 or more, found {entry.Value.GetRawText()}");
                ok = false;
            }
            else if (which == "min")
            {
                min = n;
            }
            else
            {
                max = n;
            }
        }

        if (!ok)
        {
            return null;
        }

        if (min is null || max is null)
        {
            fail("employeeRange: needs both min and max");
            return null;
        }

        if (min > max)
        {
            fail($"employeeRange: min {min} is larger than max {max}");
            return null;
        }

        return new EmployeeRange(min.Value, max.Value);
    }

    private static List<string>? Strings(JsonElement value, string name, Action<string> fail)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            fail($"{name}: expected an array of strings, found {Kind(value)}");
            return null;
        }

        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                fail($"{name}: expected an array of strings, found {Kind(item)} in it");
                return null;
            }

            list.Add(item.GetString()!);
        }

        return list;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
