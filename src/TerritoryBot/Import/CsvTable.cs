using System.Globalization;
using CsvHelper;

namespace TerritoryBot.Import;

/// <summary>
/// One table of a data folder (a CSV file or an Excel sheet), read row by row with typed, validating accessors. Every
/// problem is added to <see cref="ImportErrors"/> with the file, the line where the record starts and the column; an
/// accessor that finds a bad value returns null/default so the caller can go on and report every error of the row.
/// With <see cref="CrmValues"/> set (a recognised CRM export) values are read as CRMs write them (see
/// <see cref="Import.CrmValues"/>); otherwise strictly as DATA.md says.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    private readonly IRowSource _records;
    private readonly ImportErrors _errors;
    private readonly Dictionary<string, int> _columns;
    private readonly int _headerCount;
    private readonly bool _isCsv;
    private Dictionary<int, ColumnTransform>? _transforms;

    private CsvTable(IRowSource records, string file, ImportErrors errors, Dictionary<string, int> columns, IReadOnlyList<string> headers, bool isCsv)
    {
        _records = records;
        File = file;
        _errors = errors;
        _columns = columns;
        _headerCount = headers.Count;
        Headers = headers;
        _isCsv = isCsv;
    }

    public string File { get; }

    /// <summary>The header names as written (trimmed).</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The line where the current record starts (the header is line 1).</summary>
    public long Line { get; private set; }

    /// <summary>Whether a row had an error (reset by <see cref="Read"/>).</summary>
    public bool RowHasErrors { get; private set; }

    /// <summary>Read values as CRM exports write them (currency marks, thousands separators, US dates).</summary>
    public bool CrmValues { get; set; }

    /// <summary>Stop at the footer a Salesforce report export appends (a blank record, then copyright lines).</summary>
    public bool StopAtReportFooter { get; set; }

    /// <summary>Whether reading stopped at a report footer.</summary>
    public bool FooterSkipped { get; private set; }

    /// <summary>
    /// Opens <paramref name="path"/> and checks its header: null (with the errors reported) when the file is
    /// missing, empty, not comma-separated or lacks required columns. Header names match case-insensitively.
    /// </summary>
    public static CsvTable? Open(string path, string file, IReadOnlyList<string> requiredColumns, ImportErrors errors)
    {
        if (!System.IO.File.Exists(path))
        {
            errors.AddFile(file, $"not found in {Path.GetDirectoryName(path)}");
            return null;
        }

        return Open(new TableFile(path, file, null, 0), requiredColumns, errors);
    }

    /// <summary>As above for a table found in a folder (a CSV file or an Excel sheet).</summary>
    public static CsvTable? Open(TableFile table, IReadOnlyList<string> requiredColumns, ImportErrors errors)
    {
        var file = table.Label;
        IRowSource? reader = null;
        try
        {
            reader = table.Open();
            var headers = reader.ReadHeader();
            if (headers.Count == 0)
            {
                errors.AddFile(file, requiredColumns.Count == 0
                    ? "the file is empty; expected a header row"
                    : $"the file is empty; expected a header row with columns {string.Join(", ", requiredColumns)}");
                reader.Dispose();
                return null;
            }

            var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var ok = true;
            for (var i = 0; i < headers.Count; i++)
            {
                var name = headers[i].Trim();
                if (name.Length == 0)
                {
                    continue;
                }

                if (!columns.TryAdd(name, i))
                {
                    errors.AddRow(file, reader.Line, $"column '{name}' appears twice (columns {columns[name] + 1} and {i + 1})");
                    ok = false;
                }
            }

            var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                ok = false;
                var other = headers.Count == 1 ? OtherSeparator(headers[0]) : null;
                if (other is not null)
                {
                    errors.AddRow(file, 1, $"expected a comma-separated header with column {requiredColumns[0]}; this header looks {other}-separated");
                }
                else if (LooksBinary(headers))
                {
                    errors.AddRow(file, 1, $"the header is not text (binary file?); expected a comma-separated header with columns {string.Join(", ", requiredColumns)}");
                }
                else
                {
                    errors.AddRow(file, 1, $"missing required column{(missing.Count == 1 ? "" : "s")}: {string.Join(", ", missing)}");
                }
            }

            if (!ok)
            {
                reader.Dispose();
                return null;
            }

            return new CsvTable(reader, file, errors, columns, [.. headers.Select(h => h.Trim())], !table.IsExcel);
        }
        catch (CsvFormatException e)
        {
            reader?.Dispose();
            errors.AddRow(file, Math.Max(1, e.LineNumber), CsvRecords.Problem(e));
            return null;
        }
        catch (IOException e)
        {
            reader?.Dispose();
            errors.AddFile(file, $"cannot be read: {e.Message}");
            return null;
        }
        catch (Exception e) when (table.IsExcel && e is not OutOfMemoryException)
        {
            reader?.Dispose();
            errors.AddFile(file, $"cannot be read as an Excel workbook (.xlsx): {e.Message}");
            return null;
        }
    }

    /// <summary>Whether a header is not text: replacement characters or control characters (binary junk).</summary>
    public static bool LooksBinary(IReadOnlyList<string> headers) =>
        headers.Any(h => h.Contains('\uFFFD') || h.Any(c => char.IsControl(c) && c is not '\t'));

    /// <summary>The separator a one-column header seems to use instead of commas, or null.</summary>
    public static string? OtherSeparator(string header) =>
        header.Contains(';') ? "semicolon" : header.Contains('\t') ? "tab" : header.Contains('|') ? "pipe" : null;

    /// <summary>Reads a column's cells through <paramref name="transform"/> (a mapping file's rule) from now on.</summary>
    public void SetTransform(int column, ColumnTransform transform)
    {
        if (column >= 0)
        {
            (_transforms ??= [])[column] = transform;
        }
    }

    /// <summary>The 0-based index of a column, or -1 when the file does not have it.</summary>
    public int Column(string name) => _columns.GetValueOrDefault(name, -1);

    /// <summary>
    /// Moves to the next data row that can be validated; rows with the wrong field count or bytes that are not
    /// UTF-8 are reported and passed over. Returns false at the end, or after a record too large to read.
    /// </summary>
    public bool Read()
    {
        while (true)
        {
            try
            {
                if (!_records.Read())
                {
                    return false;
                }
            }
            catch (CsvFormatException e)
            {
                _errors.AddRow(File, Math.Max(1, e.LineNumber), CsvRecords.Problem(e) + "; the rest of the file was not read");
                return false;
            }

            Line = _records.Line;
            RowHasErrors = false;
            if (StopAtReportFooter && _records.FieldCount == 1 && _headerCount > 1 && IsReportFooter(_records.Text(0)))
            {
                FooterSkipped = true;
                return false;
            }

            if (_records.Malformed is { } reason)
            {
                _errors.AddRow(File, Line, $"malformed quoting ({QuotingProblem(reason)})");
                RowHasErrors = true;
            }

            if (!_records.IsValidText)
            {
                _errors.AddRow(File, Line, "is not valid UTF-8 text");
                continue;
            }

            if (_isCsv && _records.FieldCount != _headerCount)
            {
                _errors.AddRow(File, Line, $"has {_records.FieldCount} field{(_records.FieldCount == 1 ? "" : "s")} but the header has {_headerCount}");
                continue;
            }

            return true;
        }
    }

    /// <summary>The text of a cell (unquoted values trimmed), or null when the column is absent or the cell blank.</summary>
    public string? Text(int column)
    {
        if (column < 0 || _records.IsEmpty(column))
        {
            return null;
        }

        // Unquoted values are trimmed by the reader; a quoted value of only spaces is "not given" too.
        var text = _records.Text(column);
        text = string.IsNullOrWhiteSpace(text) ? null : text;
        if (_transforms is not null && _transforms.TryGetValue(column, out var transform))
        {
            var (value, error) = transform.Apply(text);
            if (error is not null)
            {
                Error(Headers[column], error);
            }

            return value;
        }

        return text;
    }

    /// <summary>The cell as written, before any mapping-file rule (what messages quote), or null when blank.</summary>
    public string? RawText(int column) =>
        column < 0 || _records.IsEmpty(column) || string.IsNullOrWhiteSpace(_records.Text(column)) ? null : _records.Text(column);

    public string? RequiredText(int column, string name)
    {
        var text = Text(column);
        if (text is null)
        {
            Error(name, "is required");
        }

        return text;
    }

    public int? WholeNumber(int column, string name, bool required = false)
    {
        var text = required ? RequiredText(column, name) : Text(column);
        if (text is null)
        {
            return null;
        }

        int value;
        if (CrmValues)
        {
            if (!Import.CrmValues.TryWholeNumber(text, out var whole) || whole > int.MaxValue || whole < int.MinValue)
            {
                Error(name, $"{ImportErrors.Quote(text)} is not a whole number");
                return null;
            }

            value = (int)whole;
        }
        else if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            Error(name, $"{ImportErrors.Quote(text)} is not a whole number");
            return null;
        }

        if (value < 0)
        {
            Error(name, $"{ImportErrors.Quote(text)} must be 0 or more");
            return null;
        }

        return value;
    }

    /// <summary>A finite decimal number within [min, max]; <paramref name="hint"/> is added to range errors.</summary>
    public double? Number(int column, string name, double min, double max, bool required = false, string? hint = null)
    {
        var text = required ? RequiredText(column, name) : Text(column);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Error(name, $"{ImportErrors.Quote(text)} is not a number");
            return null;
        }

        if (value < min || value > max)
        {
            var range = double.IsPositiveInfinity(max)
                ? $"must be {min.ToString(CultureInfo.InvariantCulture)} or more"
                : $"is outside {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}";
            Error(name, $"{ImportErrors.Quote(text)} {range}{(hint is null ? "" : $" ({hint})")}");
            return null;
        }

        return value;
    }

    /// <summary>An amount of money: a finite number ≥ 0 (CRM exports: with currency marks, separators and suffixes).</summary>
    public double? Money(int column, string name, bool required = false)
    {
        if (!CrmValues)
        {
            return Number(column, name, 0, double.PositiveInfinity, required);
        }

        var text = required ? RequiredText(column, name) : Text(column);
        if (text is null)
        {
            return null;
        }

        if (!Import.CrmValues.TryMoney(text, out var value, out var currency))
        {
            Error(name, $"{ImportErrors.Quote(text)} is not an amount");
            return null;
        }

        if (value < 0)
        {
            Error(name, $"{ImportErrors.Quote(text)} must be 0 or more");
            return null;
        }

        if (currency is not null)
        {
            Currencies.Add(currency);
        }

        return value;
    }

    /// <summary>Currency marks seen in amounts (reported: amounts are taken as they are, not converted).</summary>
    public SortedSet<string> Currencies { get; } = new(StringComparer.Ordinal);

    /// <summary>true/false/yes/no/1/0 in any case; empty is false.</summary>
    public bool Boolean(int column, string name)
    {
        var text = Text(column);
        if (text is null)
        {
            return false;
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text == "1")
        {
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase) || text == "0")
        {
            return false;
        }

        Error(name, $"{ImportErrors.Quote(text)} is not a boolean (true/false, yes/no, 1/0)");
        return false;
    }

    /// <summary>An ISO 8601 date (yyyy-mm-dd), or an ISO 8601 date and time whose date part is kept.</summary>
    public DateOnly? Date(int column, string name)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (CrmValues)
        {
            if (Import.CrmValues.TryDate(text, out date))
            {
                return date;
            }

            Error(name, $"{ImportErrors.Quote(text)} is not a date (yyyy-mm-dd, with or without a time, or M/D/YYYY)");
            return null;
        }

        if (text.Length > 10 && text[10] is 'T' or 't'
            && DateTimeOffset.TryParseExact(text, IsoDateTimes, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
            && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }

        Error(name, $"{ImportErrors.Quote(text)} is not an ISO 8601 date (yyyy-mm-dd)");
        return null;
    }

    /// <summary>One of <paramref name="values"/>, matched case-insensitively; null when empty.</summary>
    public T? Choice<T>(int column, string name, IReadOnlyDictionary<string, T> values)
        where T : struct
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        if (values.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(name, $"{ImportErrors.Quote(text)} is not one of {string.Join(", ", values.Keys)}");
        return null;
    }

    /// <summary>A `;`-separated list: items trimmed, empty items dropped.</summary>
    public IReadOnlyList<string> List(int column)
    {
        var text = Text(column);
        return text is null ? [] : text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    public void Error(string column, string message)
    {
        RowHasErrors = true;
        _errors.Add(File, Line, column, message);
    }

    public void Dispose() => _records.Dispose();

    private static readonly string[] IsoDateTimes =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    private static string QuotingProblem(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
        _ => reason.ToString(),
    };

    private static bool IsReportFooter(string text) =>
        text.Length == 0 || text.StartsWith("Copyright", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("Grand Total", StringComparison.OrdinalIgnoreCase) || text.StartsWith("Total", StringComparison.OrdinalIgnoreCase);
}
