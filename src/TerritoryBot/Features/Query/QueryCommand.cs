using System.CommandLine;
using System.Globalization;
using TerritoryBot.Cli;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Query;

namespace TerritoryBot.Features.Query;

/// <summary>
/// `territorybot query --as USER [--where EXPR]… [--measure M] [--group-by F] [--rank-by F [--top N] [--ascending]]
/// [--list F,F] [--rows N] [--data DIR] [--json]`: the account query over what USER may see (docs/query.md).
/// Exit codes: 0 answered; 2 a query that does not parse, a filter naming someone USER may not see, an unknown
/// USER or bad data; 1 other failures.
/// </summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--as") { Description = "rep_id of the person asking (a rep, a manager or ops); the query sees what they may see.", Required = true };
        var where = new Option<string[]>("--where")
        {
            Description = "A filter, e.g. \"industry=Healthcare\", \"potential_arr>1M\", \"not status=customer\", \"last_activity_days>6mo\", \"top 10 growth\" (repeat; all must hold).",
            AllowMultipleArgumentsPerToken = false,
        };
        var measure = new Option<string?>("--measure") { Description = "count (default), sum:F, avg:F, median:F, min:F, max:F, share[:F], penetration, customer_rate." };
        var groupBy = new Option<string?>("--group-by") { Description = "Compute the measure per value of this category (owner, team, industry, state, city, tier, status, …)." };
        var rankBy = new Option<string?>("--rank-by") { Description = "Order the accounts by this number, highest first." };
        var top = new Option<int?>("--top") { Description = "With --rank-by: keep the first N (the measure is over them)." };
        var ascending = new Option<bool>("--ascending") { Description = "With --rank-by: lowest first (bottom N)." };
        var list = new Option<string[]>("--list") { Description = "Fields to show for each account, e.g. --list industry,potential_arr." };
        var rows = new Option<int?>("--rows") { Description = "How many accounts to list (default 10; 0 = none)." };
        var data = CliSupport.DataOption();
        var json = CliSupport.JsonOption();
        var command = new Command("query", "Filters, measures, group-by and rankings over the accounts USER may see (docs/query.md).")
        {
            user, where, measure, groupBy, rankBy, top, ascending, list, rows, data, json,
        };
        command.SetAction((parseResult, ct) => CliSupport.RunAsync(parseResult, async (output, token) =>
        {
            var request = new QueryRequest
            {
                Where = parseResult.GetValue(where) ?? [],
                Measure = parseResult.GetValue(measure),
                GroupBy = parseResult.GetValue(groupBy),
                RankBy = parseResult.GetValue(rankBy),
                Top = parseResult.GetValue(top),
                Ascending = parseResult.GetValue(ascending),
                List = parseResult.GetValue(list) ?? [],
                Rows = parseResult.GetValue(rows),
            };
            var dataSet = await DataSource.LoadAsync(parseResult.GetValue(data), token);
            return Run(dataSet, CliSupport.Today(), parseResult.GetValue(user)!, request, parseResult.GetValue(json), output);
        }, ct));
        return command;
    }

    /// <summary>Runs <paramref name="request"/> as <paramref name="userId"/> and writes the answer; problems are bad input.</summary>
    public static int Run(DataSet data, DateOnly asOf, string userId, QueryRequest request, bool json, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var workspace = new Workspace(data, asOf);
        var person = IdentityResolver.Resolve(new ChannelUser(ChannelKind.Cli, userId), workspace)
                     ?? throw new BadInputException($"--as: nobody with rep_id '{userId}' in the data (query as a rep_id from reps.csv).");
        var caller = Caller.For(person, workspace);
        var view = QueryService.Run(caller, workspace, request);
        if (view.Status != "answered")
        {
            throw new BadInputException(view.Errors);
        }

        if (json)
        {
            CliSupport.WriteJson(output, view);
        }
        else
        {
            WriteText(view, person, output);
        }

        return CliSupport.Ok;
    }

    private static void WriteText(QueryView view, Rep person, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var measure = view.Measure!;
        var field = measure.Field is { } key && QuerySyntax.TryField(key, out var f) ? f : (QueryField?)null;
        var total = view.Total!;
        output.WriteLine($"{MeasureTitle(measure)}: {Figure(measure.Kind, field, total)}");
        var scope = view.Scope!;
        var whose = scope.Kind switch
        {
            "all" => "all accounts",
            "team" => $"{person.Name}'s team ({Format.Plural(scope.Territories ?? 0, "territory", "territories")})",
            _ => $"{person.Name}'s accounts",
        };
        output.WriteLine($"Over {Format.Plural(view.Selected, "account")} of {Format.Int(scope.Accounts)} in scope ({whose}), as of {view.AsOf}.");
        if (measure.Field is not null && total.ValueCount < total.Accounts)
        {
            output.WriteLine($"{Format.Int(total.Accounts - total.ValueCount)} of them have no {measure.Field} and are left out of the figure.");
        }

        foreach (var filter in view.Filters)
        {
            var unknown = filter.Unknown.Count > 0 ? $" (no account in scope has {string.Join(", ", filter.Unknown)})" : "";
            output.WriteLine($"  where {Describe(filter)} → {Format.Int(filter.Remaining)} left{unknown}");
        }

        if (view.Rank is { } rank)
        {
            output.WriteLine($"  ranked by {rank.Field}, {rank.Direction}{(rank.Limit is { } n ? $", first {n.ToString(c)}" : "")}");
        }

        if (view.GroupBy is { } by)
        {
            output.WriteLine();
            new ColumnTable(by, "accounts", MeasureTitle(measure))
                .AddRange(view.Groups.Select(g => new[] { g.Key ?? "(none)", Format.Int(g.Figure.Accounts), Figure(measure.Kind, field, g.Figure) }))
                .Write(output);
        }

        if (view.Rows.Count > 0)
        {
            output.WriteLine();
            var keys = view.Rows[0].Fields.Keys.ToList();
            new ColumnTable([.. new[] { "account", "name" }.Concat(keys)])
                .AddRange(view.Rows.Select(r => new[] { r.AccountId, r.Name }.Concat(keys.Select(k => Cell(k, r.Fields[k]))).ToArray()))
                .Write(output);
            if (view.AccountIds.Count > view.Rows.Count)
            {
                output.WriteLine($"…and {Format.Int(view.AccountIds.Count - view.Rows.Count)} more.");
            }
        }
    }

    private static string MeasureTitle(QueryMeasureView measure) => measure.Field is { } f ? $"{measure.Kind} of {f}" : measure.Kind;

    private static string Figure(string kind, QueryField? field, QueryFigureView figure)
    {
        if (figure.Value is not { } value)
        {
            return "n/a";
        }

        return kind switch
        {
            "count" => Format.Int((long)value),
            "share" or "penetration" or "customer_rate" => $"{Format.Percent(value)} ({Number(field, figure.Numerator ?? 0)} of {Number(field, figure.Denominator ?? 0)})",
            _ => Number(field, value),
        };
    }

    private static string Number(QueryField? field, double value) => field is null
        ? Format.Number(value, "#,0.##")
        : QueryFields.Info(field.Value).Unit switch
        {
            QueryUnit.Money => Format.Money(value),
            QueryUnit.Fraction => Format.Percent(value),
            QueryUnit.Days => Format.Number(value, "#,0.#") + " days",
            _ => Format.Number(value, "#,0.##"),
        };

    private static string Cell(string key, object? value)
    {
        QuerySyntax.TryField(key, out var field);
        return value switch
        {
            null => "-",
            double d => Number(field, d),
            bool b => b ? "yes" : "no",
            IReadOnlyList<string> labels => labels.Count == 0 ? "-" : string.Join("; ", labels),
            _ => value.ToString() ?? "-",
        };
    }

    private static string Describe(QueryFilterView f)
    {
        var c = CultureInfo.InvariantCulture;
        var not = f.Negated ? "not " : "";
        var resolved = f.Resolved.Count > 0 && !f.Resolved.SequenceEqual(f.Values, StringComparer.OrdinalIgnoreCase)
            ? $" ({string.Join(", ", f.Resolved)})"
            : "";
        string Num(double? x) => x is { } v ? v.ToString("#,0.####", c) : "";
        return f.Op switch
        {
            "is" => $"{not}{f.Field} is {string.Join(" or ", f.Values)}{resolved}",
            "contains" => $"{not}{f.Field} contains \"{f.Values[0]}\"",
            "missing" => $"{not}{f.Field} is unknown",
            "top" or "bottom" => $"{not}{f.Op} {f.Count} by {f.Field}",
            "between" => $"{not}{f.Field} between {Num(f.Number)} and {Num(f.Upper)}",
            _ => $"{not}{f.Field} {f.Op.Replace('_', ' ')} {Num(f.Number)}",
        };
    }
}
