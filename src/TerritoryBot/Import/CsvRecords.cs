using CsvHelper;

namespace TerritoryBot.Import;

/// <summary>
/// The one CSV reader of every input file (data folders through <see cref="CsvTable"/>, assignment files): comma
/// separated, RFC 4180 quoting, a header row, UTF-8 with or without BOM, CRLF or LF, values trimmed outside quotes,
/// empty lines skipped, the line where each record starts, records up to <see cref="MaxRecordBytes"/>. Rows whose
/// field count differs from the header are passed on (callers decide), and malformed quoting is recovered and
/// reported per record (<see cref="Malformed"/>) instead of thrown. Read and the header throw
/// <see cref="CsvFormatException"/> only for a record that is too large; <see cref="Problem"/> words it.
/// </summary>
internal sealed class CsvRecords : IDisposable
{
    /// <summary>Largest record accepted (a 10,000-character cell is fine); guards against unclosed quotes and binary junk.</summary>
    public const int MaxRecordBytes = 1 << 20;

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = true,
        TrimWhitespace = true,
        SkipEmptyLines = true,
        MaxRecordSize = MaxRecordBytes,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MalformedData = CsvMalformedDataHandling.Recover,
    };

    private readonly CsvReader _reader;
    private long _malformedLine = -1;
    private CsvMalformedReason _malformedReason;

    private CsvRecords(Func<CsvReaderOptions, CsvReader> open) =>
        _reader = open(Options with { OnMalformedRecord = OnMalformed });

    /// <summary>The line where the current record starts (the header is line 1).</summary>
    public long Line { get; private set; }

    /// <summary>The quoting problem of the current record (its fields are what the reader recovered), or null.</summary>
    public CsvMalformedReason? Malformed { get; private set; }

    public int FieldCount => _reader.FieldCount;

    /// <summary>The current record as UTF-8 bytes, as it appears in the input.</summary>
    public ReadOnlySpan<byte> RawRecord => _reader.RawRecord;

    public static CsvRecords FromFile(string path) => new(options => CsvReader.FromFile(path, options));

    /// <summary>Reads from <paramref name="reader"/>, which stays open; a BOM left in the text is skipped.</summary>
    public static CsvRecords FromReader(TextReader reader)
    {
        if (reader.Peek() == '\uFEFF')
        {
            reader.Read();
        }

        return new(options => CsvReader.Create(reader, options, leaveOpen: true));
    }

    /// <summary>The header names (empty for an empty file); sets <see cref="Line"/> and <see cref="Malformed"/> for it.</summary>
    public IReadOnlyList<string> ReadHeader()
    {
        var headers = _reader.Headers;
        Line = Math.Max(1, _reader.LineNumber);
        Malformed = _malformedLine == Line ? _malformedReason : null;
        return headers;
    }

    /// <summary>Moves to the next record; false at the end.</summary>
    public bool Read()
    {
        if (!_reader.Read())
        {
            return false;
        }

        Line = _reader.LineNumber;
        Malformed = _malformedLine == Line ? _malformedReason : null;
        return true;
    }

    /// <summary>Whether the cell is empty or the record has no such column.</summary>
    public bool IsEmpty(int column) => _reader.IsEmpty(column);

    /// <summary>The text of a cell ("" when the record has no such column).</summary>
    public string Text(int column) => column < _reader.FieldCount ? _reader.GetString(column) : "";

    /// <summary>What is wrong with an input whose record could not be read at all.</summary>
    public static string Problem(CsvFormatException e) =>
        e.Message.Contains("MaxRecordSize", StringComparison.Ordinal)
            ? $"a record is longer than {MaxRecordBytes / (1 << 20)} MiB (an unclosed quote, or not a CSV file?)"
            : $"cannot be read as CSV: {e.Message}";

    public void Dispose() => _reader.Dispose();

    private void OnMalformed(CsvMalformedRecord record)
    {
        if (record.Reason != CsvMalformedReason.FieldCountMismatch)
        {
            _malformedLine = record.LineNumber;
            _malformedReason = record.Reason;
        }
    }
}
