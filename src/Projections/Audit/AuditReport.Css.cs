namespace Traceability.Projections.Audit;

public static partial class AuditReport
{
    /// <summary>
    /// Screen and A4 print in one sheet. For print (issue 12, item 7): page margins with the baseline, position and page
    /// number in the margin boxes (which keep the browser's own date and path header off); table headers repeat on every page, never break inside a word (columns are
    /// sized so the longest header word fits) and rows are not cut in two; each major section starts a new page;
    /// every group of undocumented symbols prints open although the screen shows it closed.
    /// </summary>
    private const string Css = """

        @page { size: A4; margin: 15mm 13mm 16mm 13mm;
          @top-left { font: 7.5pt "DejaVu Sans", Arial, sans-serif; color: #555; }
          @top-right { font: 7.5pt "DejaVu Sans", Arial, sans-serif; color: #555; }
          @bottom-right { content: "page " counter(page) " of " counter(pages); font: 7.5pt "DejaVu Sans", Arial, sans-serif; color: #555; } }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #111; margin: 0 auto; max-width: 190mm; line-height: 1.35; }
        h1 { font-size: 16pt; margin: 0 0 4mm; } h2 { font-size: 12.5pt; margin: 7mm 0 2mm; border-bottom: 1px solid #999; break-after: avoid; }
        h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; } p { margin: 1mm 0 2mm; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; }
        thead { display: table-header-group; } tr, .signature, li { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
        td { overflow-wrap: break-word; } td.mono, td code { overflow-wrap: anywhere; }
        th { background: #eee; font-weight: 600; font-size: 8.5pt; overflow-wrap: normal; word-break: normal; hyphens: none; }
        table.decided, table.suspect, table.causes, table.evidence, table.refs { table-layout: fixed; } table.facts th { width: 30%; } td.count { text-align: right; width: 18mm; }
        table.groups { width: auto; min-width: 60%; }
        code, .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8pt; }
        .ok { color: #1a6b2a; } .bad { color: #a11; font-weight: 600; } .muted { color: #555; }
        .signature { border: 1px solid #777; border-left: 4px solid #1a6b2a; padding: 1mm 2mm; margin: 1mm 0; }
        .signature .name { font-weight: 600; }
        details.group { margin: 0 0 2mm; } details.group > summary { font-weight: 600; cursor: pointer; break-after: avoid; }
        ul.symbols { columns: 3; column-gap: 6mm; margin: 1mm 0 0; padding-left: 0; list-style: none; font-size: 7.5pt; line-height: 1.3; }
        ul.symbols li { overflow-wrap: anywhere; } ul.symbols li.place { font-weight: 700; margin-top: 1mm; break-after: avoid; }
        @media print {
          body { max-width: none; }
          h2.section { break-before: page; }
          details.group::details-content { content-visibility: visible; display: block; }
          details.group > summary { list-style: none; }
          a { color: inherit; text-decoration: none; }
        }

        """;
}
