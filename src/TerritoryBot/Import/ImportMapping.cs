using System.Globalization;
using System.Text.Json;

namespace TerritoryBot.Import;

/// <summary>
/// How a mapping-file rule reads a cell: <c>percent</c> (15% or 15 → 0.15), <c>thousands</c> / <c>millions</c>
/// (× 1,000 / × 1,000,000), a <c>values</c> table (the cell, case-insensitive, → our value; a value not in the table
/// is a row error), and a <c>default</c> for blank cells. The result is the text our field's own rule then reads.
/// </summary>
internal sealed record ColumnTransform(string? Kind, IReadOnlyDictionary<string, string>? Values, string? Default, string Where)
{
    public (string? Text, string? Error) Apply(string? text)
    {
        if (text is null)
        {
            return (Default, null);
        }

        if (Values is not null)
        {
            return Values.TryGetValue(text.Trim(), out var mapped)
                ? (mapped, null)
                : (null, $"{ImportErrors.Quote(text)} is not one of the values {Where} lists ({string.Join(", ", Values.Keys.Take(8))}{(Values.Count > 8 ? ", …" : "")})");
        }

        if (Kind is null)
        {
            return (text, null);
        }

        var s = text.Trim();
        if (Kind == "percent")
        {
            s = s.EndsWith('%') ? s[..^1].Trim() : s;
            return double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pct)
                ? ((pct / 100).ToString("R", CultureInfo.InvariantCulture), null)
                : (null, $"{ImportErrors.Quote(text)} is not a percentage");
        }

        var factor = Kind == "thousands" ? 1e3 : 1e6;
        return CrmValues.TryMoney(s, out var amount, out _)
            ? ((amount * factor).ToString("R", CultureInfo.InvariantCulture), null)
            : (null, $"{ImportErrors.Quote(text)} is not a number");
    }
}

/// <summary>One column rule of a mapping file: <see cref="Target"/> null means "ignore this column".</summary>
internal sealed record ColumnRule(string Column, string? Target, ColumnTransform? Transform, string Where);

/// <summary>The rules for one kind of table: which file holds it, which format to read it as, column rules.</summary>
internal sealed record TableRules(TableKind Kind, string? File, string? Format, IReadOnlyList<ColumnRule> Columns, string Where);

/// <summary>
/// The mapping file (mapping.json in the data folder, or <c>import --mapping FILE</c>): custom fields and overrides
/// for CRM exports. Shape, documented in docs/data-format.md:
/// <code>
/// { "accounts": { "file": "Account.csv", "format": "salesforce",
///                 "columns": { "ARR__c": "current_arr",
///                              "Tier__c": { "target": "current_tier", "values": { "Tier 1": "Strategic" } },
///                              "Growth__c": { "target": "growth_rate", "transform": "percent" },
///                              "Description": null } },
///   "opportunities": { … }, "reps": { … } }
/// </code>
/// Everything is validated before any row is read; every problem is reported with its JSON path.
/// </summary>
internal sealed class ImportMapping
{
    public const string DefaultFile = "mapping.json";
    public const int MaxBytes = 1 << 20;

    private static readonly string[] Transforms = ["percent", "thousands", "millions"];
    private static readonly HashSet<string> NumericTargets =
    [
        "employees", "annual_revenue", "latitude", "longitude", "growth_rate", "intent_score", "current_arr", "quota", "capacity",
        "home_latitude", "home_longitude", "amount", "won_amount",
    ];

    private static readonly HashSet<string> BooleanTargets = ["is_customer", "named_account", "ramping", "is_closed", "is_won", "is_active", "disabled"];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    private ImportMapping(string label, Dictionary<TableKind, TableRules> tables)
    {
        Label = label;
        Tables = tables;
    }

    /// <summary>How errors name the file (its file name).</summary>
    public string Label { get; }

    public IReadOnlyDictionary<TableKind, TableRules> Tables { get; }

    public TableRules? For(TableKind kind) => Tables.GetValueOrDefault(kind);

    /// <summary>Reads and validates a mapping file; null (with the errors reported) when it has any problem.</summary>
    public static ImportMapping? Read(string path, ImportErrors errors)
    {
        var label = Path.GetFileName(path);
        errors.SetOrder(label, -1);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                errors.AddFile(label, $"not found ({path})");
                return null;
            }

            if (info.Length > MaxBytes)
            {
                errors.AddFile(label, $"is larger than {MaxBytes / (1 << 20)} MiB; a mapping file is a few lines");
                return null;
            }

            if (info.Length == 0)
            {
                errors.AddFile(label, "the file is empty; expected a JSON object (or remove the file)");
                return null;
            }

            return Parse(label, File.ReadAllBytes(path), message => errors.AddFile(label, message));
        }
        catch (IOException e)
        {
            errors.AddFile(label, $"cannot be read: {e.Message}");
            return null;
        }
    }

    public static ImportMapping? Parse(string label, ReadOnlySpan<byte> utf8, Action<string> error)
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
                error($"expected a JSON object with accounts, reps or opportunities, found {root.ValueKind.ToString().ToLowerInvariant()}");
                return null;
            }

            var failed = false;
            void Fail(string message)
            {
                failed = true;
                error(message);
            }

            var tables = new Dictionary<TableKind, TableRules>();
            foreach (var property in root.EnumerateObject())
            {
                TableKind? kind = property.Name.ToLowerInvariant() switch
                {
                    "accounts" => TableKind.Accounts,
                    "reps" or "users" => TableKind.Reps,
                    "opportunities" or "deals" => TableKind.Opportunities,
                    _ => null,
                };
                if (kind is null)
                {
                    Fail($"{property.Name}: unknown section (expected accounts, reps or opportunities)");
                    continue;
                }

                if (tables.ContainsKey(kind.Value))
                {
                    Fail($"{property.Name}: the {ExportFormats.KindName(kind.Value)} section appears twice");
                    continue;
                }

                var rules = ParseTable(kind.Value, property.Name, property.Value, Fail);
                if (rules is not null)
                {
                    tables[kind.Value] = rules;
                }
            }

            return failed ? null : new ImportMapping(label, tables);
        }
    }

    private static TableRules? ParseTable(TableKind kind, string where, JsonElement element, Action<string> fail)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            fail($"{where}: expected an object with file, format and columns");
            return null;
        }

        string? file = null, format = null;
        var columns = new List<ColumnRule>();
        var ok = true;
        foreach (var property in element.EnumerateObject())
        {
            var path = $"{where}.{property.Name}";
            switch (property.Name.ToLowerInvariant())
            {
                case "file":
                    file = String(property.Value, path, fail);
                    ok &= file is not null;
                    break;
                case "format":
                    format = String(property.Value, path, fail);
                    if (format is not null && ExportFormats.Find(format, kind) is null)
                    {
                        fail($"{path}: unknown format '{format}' for {ExportFormats.KindName(kind)} (known: {string.Join(", ", ExportFormats.All.Where(f => f.Kind == kind).Select(f => f.Id).Distinct())})");
                        ok = false;
                    }

                    break;
                case "columns":
                    if (property.Value.ValueKind != JsonValueKind.Object)
                    {
                        fail($"{path}: expected an object of column: field");
                        ok = false;
                        break;
                    }

                    var targets = new Dictionary<string, string>(StringComparer.Ordinal);
                    var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var column in property.Value.EnumerateObject())
                    {
                        var rulePath = $"{path}.{column.Name}";
                        if (!seen.Add(column.Name.Trim()))
                        {
                            fail($"{rulePath}: the column appears twice");
                            ok = false;
                            continue;
                        }

                        var rule = ParseColumn(kind, column.Name.Trim(), rulePath, column.Value, fail);
                        if (rule is null)
                        {
                            ok = false;
                            continue;
                        }

                        if (rule.Target is { } target && !targets.TryAdd(target, column.Name))
                        {
                            fail($"{rulePath}: field '{target}' is already read from column '{targets[target]}'");
                            ok = false;
                            continue;
                        }

                        columns.Add(rule);
                    }

                    break;
                default:
                    fail($"{path}: unknown property (expected file, format or columns)");
                    ok = false;
                    break;
            }
        }

        return ok ? new TableRules(kind, file, format, columns, where) : null;
    }

    private static ColumnRule? ParseColumn(TableKind kind, string column, string path, JsonElement value, Action<string> fail)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return new ColumnRule(column, null, null, path);
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var target = Target(kind, value.GetString()!, path, fail);
            return target is null ? null : new ColumnRule(column, target, null, path);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            fail($"{path}: expected a field name, null (ignore the column) or an object with target, transform, values, default");
            return null;
        }

        string? targetName = null, transform = null, fallback = null;
        Dictionary<string, string>? values = null;
        var ok = true;
        foreach (var property in value.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            switch (property.Name.ToLowerInvariant())
            {
                case "target":
                    targetName = String(property.Value, at, fail);
                    ok &= targetName is not null;
                    break;
                case "transform":
                    transform = String(property.Value, at, fail);
                    if (transform is not null && !Transforms.Contains(transform))
                    {
                        fail($"{at}: unknown transform '{transform}' (known: {string.Join(", ", Transforms)})");
                        ok = false;
                    }

                    break;
                case "default":
                    fallback = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                        _ => null,
                    };
                    if (fallback is null)
                    {
                        fail($"{at}: expected a string, number or boolean");
                        ok = false;
                    }

                    break;
                case "values":
                    if (property.Value.ValueKind != JsonValueKind.Object)
                    {
                        fail($"{at}: expected an object of \"value in the file\": \"our value\"");
                        ok = false;
                        break;
                    }

                    values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var entry in property.Value.EnumerateObject())
                    {
                        var mapped = entry.Value.ValueKind switch
                        {
                            JsonValueKind.String => entry.Value.GetString(),
                            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => entry.Value.GetRawText(),
                            _ => null,
                        };
                        if (mapped is null)
                        {
                            fail($"{at}.{entry.Name}: expected a string, number or boolean");
                            ok = false;
                        }
                        else if (!values.TryAdd(entry.Name.Trim(), mapped))
                        {
                            fail($"{at}.{entry.Name}: appears twice (values match case-insensitively)");
                            ok = false;
                        }
                    }

                    break;
                default:
                    fail($"{at}: unknown property (expected target, transform, values or default)");
                    ok = false;
                    break;
            }
        }

        if (targetName is null)
        {
            if (ok)
            {
                fail($"{path}: target is required");
            }

            return null;
        }

        var field = Target(kind, targetName, path, fail);
        if (field is null || !ok)
        {
            return null;
        }

        if (transform is not null && values is not null)
        {
            fail($"{path}: give either transform or values, not both");
            return null;
        }

        if (transform is not null && !NumericTargets.Contains(field))
        {
            fail($"{path}: transform '{transform}' needs a numeric field; '{field}' is {ExportFormats.Targets[kind][field]}");
            return null;
        }

        foreach (var (from, to) in values ?? [])
        {
            if (!Acceptable(field, to))
            {
                fail($"{path}.values.{from}: '{to}' is not a valid {field} ({ExportFormats.Targets[kind][field]})");
                ok = false;
            }
        }

        if (fallback is not null && !Acceptable(field, fallback))
        {
            fail($"{path}.default: '{fallback}' is not a valid {field} ({ExportFormats.Targets[kind][field]})");
            ok = false;
        }

        return ok ? new ColumnRule(column, field, new ColumnTransform(transform, values, fallback, path), path) : null;
    }

    private static string? Target(TableKind kind, string name, string path, Action<string> fail)
    {
        var field = name.Trim().ToLowerInvariant();
        if (ExportFormats.Targets[kind].ContainsKey(field))
        {
            return field;
        }

        fail($"{path}: unknown target field '{name}' ({ExportFormats.KindName(kind)} fields: {string.Join(", ", ExportFormats.Targets[kind].Keys)})");
        return null;
    }

    /// <summary>Checks the values a rule produces for fields with a closed set of values; others are checked per row.</summary>
    private static bool Acceptable(string field, string value) => field switch
    {
        "current_tier" => value.Trim().ToLowerInvariant() is "strategic" or "enterprise" or "commercial" or "smb",
        "role" => value.Trim().ToLowerInvariant() is "rep" or "manager" or "ops",
        "seniority" => value.Trim().ToLowerInvariant() is "junior" or "mid" or "senior",
        _ when BooleanTargets.Contains(field) => value.Trim().ToLowerInvariant() is "true" or "false" or "yes" or "no" or "1" or "0",
        _ when NumericTargets.Contains(field) => CrmValues.TryMoney(value, out _, out _),
        _ => true,
    };

    private static string? String(JsonElement value, string path, Action<string> fail)
    {
        if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString()!.Trim();
        }

        fail($"{path}: expected a non-empty string");
        return null;
    }
}
