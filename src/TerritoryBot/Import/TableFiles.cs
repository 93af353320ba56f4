using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using ExcelDataReader;

namespace TerritoryBot.Import;

/// <summary>
/// The rows of one table, whatever the file type: the header, then records with the line (CSV) or row (Excel) where
/// each starts. CSV goes through <see cref="CsvRecords"/>; an Excel sheet through ExcelDataReader.
/// </summary>
internal interface IRowSource : IDisposable
{
    /// <summary>The header names (empty for an empty file or sheet). CSV may throw <see cref="CsvFormatException"/>.</summary>
    IReadOnlyList<string> ReadHeader();

    bool Read();

    long Line { get; }

    /// <summary>The quoting problem of the current CSV record, or null.</summary>
    CsvMalformedReason? Malformed { get; }

    /// <summary>False when the current CSV record is not valid UTF-8.</summary>
    bool IsValidText { get; }

    int FieldCount { get; }

    bool IsEmpty(int column);

    string Text(int column);
}

/// <summary>
/// A table found in a data folder: a CSV file, or one sheet of an .xlsx workbook. <see cref="Label"/> is how errors
/// and reports name it: the file name, or <c>Book.xlsx[Sheet]</c> when the workbook has more than one sheet.
/// </summary>
internal sealed record TableFile(string Path, string Label, string? Sheet, int SheetIndex)
{
    public bool IsExcel => Sheet is not null;

    /// <summary>The file name without extension (or the sheet name), lower case: what the name rules look at.</summary>
    public string BaseName => (IsExcel && Label.Contains('[') ? Sheet! : System.IO.Path.GetFileNameWithoutExtension(Path)).ToLowerInvariant();

    public IRowSource Open() => IsExcel ? new XlsxRowSource(Path, SheetIndex) : new CsvRowSource(CsvRecords.FromFile(Path));

    /// <summary>
    /// The tables of a folder: every *.csv file, and every visible sheet of every *.xlsx workbook, in name order.
    /// A workbook that cannot be opened is reported and skipped.
    /// </summary>
    public static List<TableFile> Discover(string directory, ImportErrors errors)
    {
        var tables = new List<TableFile>();
        foreach (var path in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(path);
            if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                tables.Add(new TableFile(path, name, null, 0));
            }
            else if (name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("~$", StringComparison.Ordinal))
            {
                var sheets = XlsxRowSource.VisibleSheets(path, name, errors);
                foreach (var (index, sheet) in sheets)
                {
                    tables.Add(new TableFile(path, sheets.Count == 1 ? name : $"{name}[{sheet}]", sheet, index));
                }
            }
        }

        return tables;
    }
}

internal sealed class CsvRowSource(CsvRecords records) : IRowSource
{
    public long Line => records.Line;

    public CsvMalformedReason? Malformed => records.Malformed;

    public bool IsValidText => Utf8.IsValid(records.RawRecord);

    public int FieldCount => records.FieldCount;

    public IReadOnlyList<string> ReadHeader() => records.ReadHeader();

    public bool Read() => records.Read();

    public bool IsEmpty(int column) => records.IsEmpty(column);

    public string Text(int column) => records.Text(column);

    public void Dispose() => records.Dispose();
}

/// <summary>
/// One sheet of an .xlsx workbook, read with ExcelDataReader (a maintained streaming reader, rather than our own
/// OOXML parsing). Typed cells become the text a CSV export would hold: numbers in invariant form, dates as ISO 8601,
/// booleans as true/false, so the same validation applies. Rows are numbered as Excel numbers them; blank rows are
/// skipped; the header is the first row with a value.
/// </summary>
internal sealed class XlsxRowSource : IRowSource
{
    private readonly FileStream _stream;
    private readonly IExcelDataReader _reader;
    private string?[] _cells = [];
    private int _headerCount;
    private long _row;

    static XlsxRowSource() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public XlsxRowSource(string path, int sheetIndex)
    {
        _stream = File.OpenRead(path);
        try
        {
            _reader = ExcelReaderFactory.CreateOpenXmlReader(_stream);
            for (var i = 0; i < sheetIndex; i++)
            {
                _reader.NextResult();
            }
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    public long Line => _row;

    public CsvMalformedReason? Malformed => null;

    public bool IsValidText => true;

    public int FieldCount => _headerCount;

    public IReadOnlyList<string> ReadHeader()
    {
        if (!NextRow())
        {
            return [];
        }

        _headerCount = _cells.Length;
        while (_headerCount > 0 && string.IsNullOrWhiteSpace(_cells[_headerCount - 1]))
        {
            _headerCount--;
        }

        return [.. _cells.Take(_headerCount).Select(c => c ?? "")];
    }

    public bool Read() => NextRow();

    public bool IsEmpty(int column) => column >= _cells.Length || string.IsNullOrWhiteSpace(_cells[column]);

    public string Text(int column) => column < _cells.Length ? _cells[column]?.Trim() ?? "" : "";

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    /// <summary>The visible sheets of a workbook (index, name); an unreadable workbook is reported and gives none.</summary>
    public static List<(int Index, string Name)> VisibleSheets(string path, string file, ImportErrors errors)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            var sheets = new List<(int, string)>();
            var index = 0;
            do
            {
                if (string.IsNullOrEmpty(reader.VisibleState) || reader.VisibleState == "visible")
                {
                    sheets.Add((index, reader.Name));
                }

                index++;
            }
            while (reader.NextResult());

            return sheets;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ExcelDataReader throws several exception types for a file that is not a workbook (zip, XML, header).
            errors.AddFile(file, $"cannot be read as an Excel workbook (.xlsx): {e.Message}");
            return [];
        }
    }

    private bool NextRow()
    {
        while (_reader.Read())
        {
            _row = _reader.Depth + 1L;
            var cells = new string?[_reader.FieldCount];
            var any = false;
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Cell(_reader.GetValue(i));
                any |= !string.IsNullOrWhiteSpace(cells[i]);
            }

            if (any)
            {
                _cells = cells;
                return true;
            }
        }

        return false;
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
