using System.IO.Compression;
using System.Security;
using System.Text;

namespace TerritoryBot.Tests.Import;

/// <summary>A copy of one export fixture folder (Import/Fixtures/NAME) in a temp directory, for tests that change it.</summary>
internal sealed class CrmFolder : IDisposable
{
    public CrmFolder(string fixture)
    {
        Path = Directory.CreateTempSubdirectory("tb-crm-").FullName;
        if (fixture.Length > 0)
        {
            foreach (var file in Directory.GetFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", fixture)))
            {
                File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
            }
        }
    }

    public string Path { get; }

    public string this[string file] => System.IO.Path.Combine(Path, file);

    public CrmFolder Write(string file, string text)
    {
        File.WriteAllText(this[file], text, new UTF8Encoding(false));
        return this;
    }

    public CrmFolder Copy(string fixture, string file)
    {
        File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", fixture, file), this[file], overwrite: true);
        return this;
    }

    /// <summary>Replaces the first occurrence of <paramref name="from"/> in a file (bytes around it, BOM and line ends, kept).</summary>
    public CrmFolder Replace(string file, string from, string to)
    {
        var bytes = File.ReadAllBytes(this[file]);
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var text = Encoding.UTF8.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not in {file}");
        text = text[..at] + to + text[(at + from.Length)..];
        File.WriteAllBytes(this[file], [.. bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>(), .. Encoding.UTF8.GetBytes(text)]);
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    /// <summary>
    /// Writes a minimal .xlsx workbook the way Dynamics 365 "Export to Excel" lays one out: the visible data sheet, then
    /// a very hidden "hiddenSheet" with metadata. Cells are numbers (double) or inline strings; a null row is left out
    /// (a gap in the row numbers, as Excel stores blank rows).
    /// </summary>
    public static void WriteXlsx(string path, string sheetName, IReadOnlyList<object?[]?> rows)
    {
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml);
        }

        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Part("[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "</Types>");
        Part("_rels/.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + $"<Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Part("xl/workbook.xml",
            $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets>"
            + $"<sheet name=\"{SecurityElement.Escape(sheetName)}\" sheetId=\"1\" r:id=\"rId1\"/>"
            + "<sheet name=\"hiddenSheet\" sheetId=\"2\" state=\"veryHidden\" r:id=\"rId2\"/></sheets></workbook>");
        Part("xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + $"<Relationship Id=\"rId1\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + $"<Relationship Id=\"rId2\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet2.xml\"/></Relationships>");
        Part("xl/worksheets/sheet1.xml", Sheet(Main, rows));
        Part("xl/worksheets/sheet2.xml", Sheet(Main, [["account", "accountid;name;numberofemployees", "1033"]]));
    }

    private static string Sheet(string ns, IReadOnlyList<object?[]?> rows)
    {
        var xml = new StringBuilder($"<worksheet xmlns=\"{ns}\"><sheetData>");
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not { } row)
            {
                continue;
            }

            xml.Append($"<row r=\"{r + 1}\">");
            for (var c = 0; c < row.Length; c++)
            {
                var cell = $"{(char)('A' + c)}{r + 1}";
                switch (row[c])
                {
                    case null:
                        break;
                    case double d:
                        xml.Append($"<c r=\"{cell}\"><v>{d.ToString(System.Globalization.CultureInfo.InvariantCulture)}</v></c>");
                        break;
                    default:
                        xml.Append($"<c r=\"{cell}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(row[c]!.ToString())}</t></is></c>");
                        break;
                }
            }

            xml.Append("</row>");
        }

        return xml.Append("</sheetData></worksheet>").ToString();
    }
}
