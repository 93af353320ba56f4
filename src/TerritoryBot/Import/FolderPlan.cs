using System.Text.Json.Nodes;
using CsvHelper;

namespace TerritoryBot.Import;

/// <summary>A column of a file and the field it feeds; <see cref="Source"/> is "recognised" or the mapping file's path.</summary>
internal sealed record MappedColumn(string Field, int Index, string Header, string Source, ColumnTransform? Transform);

/// <summary>How one table of a folder will be read: its kind, format, and column → field map.</summary>
internal sealed class TablePlan(TableKind kind, TableFile table, ExportFormat format, string how)
{
    public TableKind Kind { get; } = kind;

    public TableFile Table { get; } = table;

    public ExportFormat Format { get; } = format;

    /// <summary>How the format was decided: "header", "file name" or the mapping file.</summary>
    public string How { get; } = how;

    public Dictionary<string, MappedColumn> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>Header columns no field reads.</summary>
    public List<string> Ignored { get; } = [];

    public string Label => Table.Label;

    /// <summary>The column index of a field, or -1.</summary>
    public int Column(string field) => Fields.TryGetValue(field, out var c) ? c.Index : -1;

    /// <summary>How errors name a field's column: our field name for our files (as always), else the header as written.</summary>
    public string Name(string field) => Format.IsOurs || !Fields.TryGetValue(field, out var c) ? field : c.Header;

    public bool Has(string field) => Fields.ContainsKey(field);

    /// <summary>A required column is missing (reported): the table's rows are not read.</summary>
    public bool MissingColumns { get; set; }
}

/// <summary>
/// What a data folder holds and how each table will be read, decided before any row is: every .csv file and .xlsx
/// sheet is recognised by its header (<see cref="ExportFormats"/>), or by its name when it is one of ours, or as the
/// mapping file says; the mapping file's column rules are applied and checked against the headers. Used by the loader
/// and by <c>import --explain</c>. Problems go to <see cref="ImportErrors"/>.
/// </summary>
internal sealed class FolderPlan
{
    private static readonly TableKind[] Kinds = [TableKind.Accounts, TableKind.Reps, TableKind.Opportunities];

    public Dictionary<TableKind, TablePlan> Tables { get; } = [];

    /// <summary>Tables found but not read, with the reason.</summary>
    public List<(string Label, string Reason)> IgnoredTables { get; } = [];

    public ImportMapping? Mapping { get; private set; }

    /// <summary>Kinds whose table was found but is in error (reported): "not found" would be wrong for them.</summary>
    private readonly HashSet<TableKind> _kindsInError = [];

    /// <summary>The mapping file could not be used; the tables were not (all) planned and nothing is read.</summary>
    public bool MappingFailed { get; private set; }

    /// <summary>Whether the accounts come from a CRM export (then opportunities are optional and owners match loosely).</summary>
    public bool IsCrm => Tables.TryGetValue(TableKind.Accounts, out var a) && !a.Format.IsOurs;

    /// <summary>
    /// Plans <paramref name="directory"/> (which exists). <paramref name="mappingPath"/>: an explicit mapping file, else
    /// mapping.json in the folder when present.
    /// </summary>
    public static FolderPlan Build(string directory, string? mappingPath, ImportErrors errors)
    {
        var plan = new FolderPlan();
        var mappingFile = mappingPath ?? Path.Combine(directory, ImportMapping.DefaultFile);
        if (mappingPath is not null || File.Exists(mappingFile))
        {
            plan.Mapping = ImportMapping.Read(mappingFile, errors);
            if (plan.Mapping is null)
            {
                plan.MappingFailed = true;
                // A broken mapping would make every later message doubtful: report it alone.
                return plan;
            }
        }

        var tables = TableFile.Discover(directory, errors);
        var candidates = new List<(TableFile Table, TableKind Kind, ExportFormat Format, string How)>();
        foreach (var table in tables)
        {
            var headers = ReadHeader(table);
            var named = plan.Mapping?.Tables.Values.FirstOrDefault(r => r.File is not null && SameFile(r.File, table));
            if (named is not null)
            {
                var format = named.Format is { } id ? ExportFormats.Find(id, named.Kind)! : Recognise(headers, named.Kind, null, out _);
                format ??= table.BaseName == ExportFormats.KindName(named.Kind) ? OursFor(named.Kind) : null;
                if (format is null)
                {
                    errors.SetOrder(table.Label, Rank(named.Kind));
                    plan._kindsInError.Add(named.Kind);
                    errors.AddRow(table.Label, 1, $"the header is not one of a known {ExportFormats.KindName(named.Kind)} export; name the format in {plan.Mapping!.Label} ({named.Where}.format: {string.Join(", ", ExportFormats.All.Where(f => f.Kind == named.Kind).Select(f => f.Id).Distinct())})");
                    continue;
                }

                candidates.Add((table, named.Kind, format, plan.Mapping!.Label));
                continue;
            }

            var recognised = Recognise(headers, null, plan.Mapping, out var tied);
            if (recognised is null && headers is not null && tied.Count > 1)
            {
                errors.SetOrder(table.Label, Rank(tied[0].Kind));
                plan._kindsInError.UnionWith(tied.Select(f => f.Kind));
                errors.AddRow(table.Label, 1,
                    $"the header matches {string.Join(" and ", tied.Select(f => $"{f.Label} ({f.Id})"))} equally; name the format in {ImportMapping.DefaultFile} (e.g. \"{ExportFormats.KindName(tied[0].Kind)}\": {{\"format\": \"{tied[0].Id}\"}})");
                continue;
            }

            if (recognised is not null)
            {
                candidates.Add((table, recognised.Kind, recognised, "header"));
                continue;
            }

            var ours = Kinds.FirstOrDefault(k => table.BaseName == ExportFormats.KindName(k) && !table.IsExcel, (TableKind)(-1));
            if ((int)ours >= 0)
            {
                // Our own file name: read it as ours, so a broken header gets today's precise messages.
                candidates.Add((table, ours, OursFor(ours), "file name"));
                continue;
            }

            var crmKind = ExportFormats.All.Where(f => !f.IsOurs && f.FileNames.Contains(table.BaseName)).Select(f => (TableKind?)f.Kind).FirstOrDefault();
            if (crmKind is { } kind)
            {
                errors.SetOrder(table.Label, Rank(kind));
                plan._kindsInError.Add(kind);
                if (headers is null || headers.Count == 0)
                {
                    errors.AddFile(table.Label, "the file is empty or unreadable; expected a header row");
                }
                else
                {
                    errors.AddRow(table.Label, 1, $"the header is not one of a known {ExportFormats.KindName(kind)} export (Salesforce, HubSpot, Dynamics 365 or ours: {ExportFormats.OurFile(kind)}); see docs/data-format.md, or name the format in {ImportMapping.DefaultFile}");
                }

                continue;
            }

            plan.IgnoredTables.Add((table.Label, "header not recognised"));
        }

        foreach (var kind in Kinds)
        {
            var ofKind = candidates.Where(c => c.Kind == kind).ToList();
            var rules = plan.Mapping?.For(kind);
            if (rules?.File is { } wanted)
            {
                if (!tables.Any(t => SameFile(wanted, t)))
                {
                    errors.AddFile(plan.Mapping!.Label, $"{rules.Where}.file: '{wanted}' is not in {directory}");
                    plan.MappingFailed = true;
                    continue;
                }

                // The mapping file names the table of this kind: others that look like one are left alone.
                plan.IgnoredTables.AddRange(ofKind.Where(c => !SameFile(wanted, c.Table)).Select(c => (c.Table.Label, $"{plan.Mapping!.Label} names {wanted} for {ExportFormats.KindName(kind)}")));
                ofKind = [.. ofKind.Where(c => SameFile(wanted, c.Table))];
            }

            foreach (var extra in ofKind.Skip(1))
            {
                errors.SetOrder(extra.Table.Label, Rank(kind));
                errors.AddFile(extra.Table.Label, $"a second {ExportFormats.KindName(kind)} table ({ofKind[0].Table.Label} is one); keep one, or name the one to read in {ImportMapping.DefaultFile} ({ExportFormats.KindName(kind)}.file)");
            }

            if (ofKind.Count == 0)
            {
                continue;
            }

            var (table, _, format, how) = ofKind[0];
            errors.SetOrder(table.Label, Rank(kind));
            var tablePlan = new TablePlan(kind, table, format, how);
            plan.Tables[kind] = tablePlan;
            MapColumns(tablePlan, ReadHeader(table) ?? [], rules, plan.Mapping?.Label, errors);
        }

        return plan;
    }

    /// <summary>Reports the tables a folder must have and lacks (after <see cref="Build"/>), as DATA.md words it.</summary>
    public void CheckRequired(string directory, ImportErrors errors)
    {
        if (MappingFailed)
        {
            return;
        }

        if (!Tables.ContainsKey(TableKind.Accounts) && !_kindsInError.Contains(TableKind.Accounts))
        {
            errors.AddFile(ExportFormats.OurFile(TableKind.Accounts), $"not found in {directory}");
        }

        if (!Tables.ContainsKey(TableKind.Reps) && !_kindsInError.Contains(TableKind.Reps))
        {
            errors.AddFile(ExportFormats.OurFile(TableKind.Reps), IsCrm
                ? $"not found in {directory}; owners are matched against reps.csv or a users export (Salesforce User.csv, HubSpot owners.csv, Dynamics systemuser.csv)"
                : $"not found in {directory}");
        }

        if (!Tables.ContainsKey(TableKind.Opportunities) && !IsCrm && !_kindsInError.Contains(TableKind.Opportunities))
        {
            errors.AddFile(ExportFormats.OurFile(TableKind.Opportunities), $"not found in {directory}");
        }
    }

    /// <summary>The plan as JSON for <c>import --explain --json</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["mapping"] = Mapping?.Label,
        ["tables"] = new JsonArray([.. Kinds.Where(Tables.ContainsKey).Select(k => (JsonNode?)TableJson(Tables[k]))]),
        ["ignoredTables"] = new JsonArray([.. IgnoredTables.Select(t => (JsonNode?)new JsonObject { ["file"] = t.Label, ["reason"] = t.Reason })]),
    };

    /// <summary>The plan for people: per table, its format and every column → field, then what is ignored.</summary>
    public void WriteText(TextWriter output)
    {
        foreach (var kind in Kinds.Where(Tables.ContainsKey))
        {
            var t = Tables[kind];
            output.WriteLine($"{t.Label}: {ExportFormats.KindName(kind)}, {t.Format.Label} (format '{t.Format.Id}', by {t.How})");
            var width = t.Fields.Values.Select(c => c.Header.Length).Append(t.Ignored.Select(i => i.Length).DefaultIfEmpty(0).Max()).Max();
            foreach (var column in t.Fields.Values.OrderBy(c => c.Index))
            {
                var rule = ExportFormats.Targets[kind].GetValueOrDefault(column.Field, "");
                var from = column.Source == "recognised" ? "" : $" [{column.Source}]";
                output.WriteLine($"  {column.Header.PadRight(width)}  -> {column.Field} ({rule}){from}");
            }

            foreach (var ignored in t.Ignored)
            {
                output.WriteLine($"  {ignored.PadRight(width)}  (ignored)");
            }
        }

        foreach (var (label, reason) in IgnoredTables)
        {
            output.WriteLine($"{label}: not read ({reason})");
        }
    }

    private static JsonObject TableJson(TablePlan t) => new()
    {
        ["file"] = t.Label,
        ["kind"] = ExportFormats.KindName(t.Kind),
        ["format"] = t.Format.Id,
        ["formatLabel"] = t.Format.Label,
        ["recognisedBy"] = t.How,
        ["columns"] = new JsonArray([.. t.Fields.Values.OrderBy(c => c.Index).Select(c => (JsonNode?)new JsonObject
        {
            ["column"] = c.Header,
            ["field"] = c.Field,
            ["rule"] = ExportFormats.Targets[t.Kind].GetValueOrDefault(c.Field, ""),
            ["source"] = c.Source,
        })]),
        ["ignored"] = new JsonArray([.. t.Ignored.Select(i => (JsonNode?)JsonValue.Create(i))]),
    };

    private static void MapColumns(TablePlan plan, IReadOnlyList<string> headers, TableRules? rules, string? mappingLabel, ImportErrors errors)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim();
            if (name.Length > 0)
            {
                index.TryAdd(name, i);
            }
        }

        foreach (var field in plan.Format.Fields)
        {
            var header = field.Headers.FirstOrDefault(index.ContainsKey);
            if (header is not null)
            {
                plan.Fields[field.Field] = new MappedColumn(field.Field, index[header], headers[index[header]].Trim(), "recognised", null);
            }
        }

        foreach (var rule in rules?.Columns ?? [])
        {
            if (!index.TryGetValue(rule.Column, out var column))
            {
                errors.AddFile(mappingLabel!, $"{rule.Where}: no column '{rule.Column}' in {plan.Label}");
                continue;
            }

            // A rule wins over recognition: drop what this column fed and what fed the rule's field.
            foreach (var taken in plan.Fields.Values.Where(c => c.Index == column || c.Field == rule.Target).ToList())
            {
                plan.Fields.Remove(taken.Field);
            }

            if (rule.Target is not null)
            {
                plan.Fields[rule.Target] = new MappedColumn(rule.Target, column, headers[column].Trim(), rule.Where, rule.Transform);
            }
        }

        var used = plan.Fields.Values.Select(c => c.Index).ToHashSet();
        plan.Ignored.AddRange(headers.Select((h, i) => (h.Trim(), i)).Where(x => x.Item1.Length > 0 && !used.Contains(x.i)).Select(x => x.Item1));

        if (plan.Format.IsOurs)
        {
            return; // CsvTable checks our required columns with today's messages.
        }

        var missing = plan.Format.RequiredFields.Where(f => !plan.Has(f)).ToList();
        if (plan.Kind == TableKind.Opportunities && !plan.Has("account_id") && !plan.Has("customer_id"))
        {
            missing.Add("account_id");
        }

        if (plan.Kind == TableKind.Reps && !plan.Has("name") && !(plan.Has("first_name") || plan.Has("last_name")) && !plan.Has("email"))
        {
            missing.Add("name");
        }

        if (missing.Count > 0)
        {
            plan.MissingColumns = true;
            var described = missing.Distinct().Select(f => plan.Format.Field(f) is { } fc ? $"{fc.Headers[0]} ({f})" : f);
            errors.AddRow(plan.Label, 1, $"missing required column{(missing.Count == 1 ? "" : "s")}: {string.Join(", ", described)}");
        }
    }

    /// <summary>
    /// The best format for a header: every <see cref="ExportFormat.Signature"/> column present (and one of
    /// <see cref="ExportFormat.AnyOf"/> when given), then the most columns read. Null when none fits, or when two
    /// fit equally (<paramref name="tied"/> then lists them; the count includes signature and any-of columns, so a
    /// Salesforce User export with Username is not taken for a HubSpot owners export); a mapping file's format for a kind settles a tie.
    /// </summary>
    public static ExportFormat? Recognise(IReadOnlyList<string>? headers, TableKind? kind, ImportMapping? mapping, out List<ExportFormat> tied)
    {
        tied = [];
        if (headers is null || headers.Count == 0)
        {
            return null;
        }

        var present = new HashSet<string>(headers.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);
        var scored = ExportFormats.All
            .Where(f => kind is null || f.Kind == kind)
            .Where(f => f.Signature.All(present.Contains) && (f.AnyOf.Count == 0 || f.AnyOf.Any(present.Contains)))
            .Where(f => mapping?.For(f.Kind)?.Format is not { } forced || forced.Equals(f.Id, StringComparison.OrdinalIgnoreCase))
            .Select(f => (Format: f, Score: f.Fields.SelectMany(c => c.Headers).Concat(f.Signature).Concat(f.AnyOf).Distinct(StringComparer.OrdinalIgnoreCase).Count(present.Contains)))
            .OrderByDescending(x => x.Score)
            .ToList();
        if (scored.Count == 0)
        {
            return null;
        }

        var best = scored.Where(x => x.Score == scored[0].Score).Select(x => x.Format).ToList();
        if (best.Count > 1)
        {
            tied = best;
            return null;
        }

        return best[0];
    }

    private static ExportFormat OursFor(TableKind kind) => ExportFormats.All.First(f => f.IsOurs && f.Kind == kind);

    /// <summary>Where a table's errors are listed: accounts, reps, opportunities (the order of TableKind).</summary>
    private static int Rank(TableKind kind) => (int)kind;

    private static bool SameFile(string name, TableFile table) =>
        name.Equals(table.Label, StringComparison.OrdinalIgnoreCase) || name.Equals(Path.GetFileName(table.Path), StringComparison.OrdinalIgnoreCase);

    /// <summary>The header of a table, or null when it cannot be read (CsvTable reports why when the table is opened).</summary>
    private static IReadOnlyList<string>? ReadHeader(TableFile table)
    {
        try
        {
            using var source = table.Open();
            return source.ReadHeader();
        }
        catch (Exception e) when (e is CsvFormatException or IOException || table.IsExcel && e is not OutOfMemoryException)
        {
            return null;
        }
    }
}
