using System.Globalization;
using System.Text.RegularExpressions;
using TerritoryBot.Core.Planning;

namespace TerritoryBot.Core.Tests.Planning;

/// <summary>The house money format (docs/formatting.md): examples, and properties over random and boundary values.</summary>
public sealed partial class MoneyFormatTests
{
    [Theory]
    [InlineData(0, "$0")]
    [InlineData(0.4, "$0")]
    [InlineData(-0.4, "$0")]
    [InlineData(-0.5, "-$1")]
    [InlineData(950, "$950")]
    [InlineData(999.4, "$999")]
    [InlineData(999.5, "$1k")]
    [InlineData(1_499, "$1k")]
    [InlineData(12_345, "$12k")]
    [InlineData(-12_000, "-$12k")]
    [InlineData(999_499, "$999k")]
    [InlineData(999_500, "$1M")]
    [InlineData(1_000_000, "$1M")]
    [InlineData(1_500_000, "$1.5M")]
    [InlineData(1_250_000, "$1.25M")]
    [InlineData(1_534_000, "$1.53M")]
    [InlineData(1_035_000, "$1.04M")]
    [InlineData(-1_534_000, "-$1.53M")]
    [InlineData(123_456_789, "$123.46M")]
    [InlineData(999_994_999, "$999.99M")]
    [InlineData(999_995_000, "$1B")]
    [InlineData(1e9, "$1B")]
    [InlineData(2_100_000_000, "$2.1B")]
    [InlineData(1.2345e12, "$1,234.5B")]
    [InlineData(double.NaN, "n/a")]
    [InlineData(double.PositiveInfinity, "n/a")]
    [InlineData(double.NegativeInfinity, "n/a")]
    public void Money_Value_HouseFormat(double value, string expected)
    {
        Assert.Equal(expected, Format.Money(value));
    }

    [Fact]
    public void Money_OtherSymbol_ReplacesTheDollar()
    {
        Assert.Equal("-€1.5M", Format.Money(-1_500_000, "€"));
    }

    [Fact]
    public void Money_RandomAndBoundaryValues_ParsesBackWithinHalfAStepOfItsUnit()
    {
        foreach (double value in Values())
        {
            string text = Format.Money(value);
            var (parsed, step) = Parse(text);

            Assert.True(Math.Abs(parsed - value) <= step / 2 * (1 + 1e-9), $"{value.ToString("R", CultureInfo.InvariantCulture)} → {text}");
        }
    }

    [Fact]
    public void Money_RandomAndBoundaryValues_FigureBelowOneThousandOfItsUnitUnlessBillions()
    {
        foreach (double value in Values())
        {
            string text = Format.Money(value);
            var m = Shape().Match(text);

            Assert.True(m.Success, $"{value.ToString("R", CultureInfo.InvariantCulture)} → {text}");
            double figure = double.Parse(m.Groups["figure"].Value, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            Assert.True(m.Groups["unit"].Value == "B" || figure < 1_000, text);
            Assert.True(m.Groups["unit"].Value == "" || figure >= 1, text);
            Assert.DoesNotMatch(@"\.\d*0$", m.Groups["figure"].Value);
        }
    }

    [Fact]
    public void Money_IncreasingValues_TextAndUnitNeverGoDown()
    {
        var sorted = Values().Where(v => v >= 0).Order().ToList();
        for (int i = 1; i < sorted.Count; i++)
        {
            var (before, beforeStep) = Parse(Format.Money(sorted[i - 1]));
            var (after, afterStep) = Parse(Format.Money(sorted[i]));

            Assert.True(after >= before, $"{Format.Money(sorted[i - 1])} then {Format.Money(sorted[i])}");
            Assert.True(afterStep >= beforeStep, $"{Format.Money(sorted[i - 1])} then {Format.Money(sorted[i])}");
        }
    }

    [Fact]
    public void Money_RandomAndBoundaryValues_KeepsTheSignUnlessItRoundsToZero()
    {
        foreach (double value in Values())
        {
            string text = Format.Money(value);
            double parsed = Parse(text).Value;

            if (parsed == 0)
            {
                Assert.Equal("$0", text);
                Assert.True(Math.Abs(value) < 0.5, $"{value.ToString("R", CultureInfo.InvariantCulture)} → {text}");
            }
            else
            {
                Assert.Equal(Math.Sign(value), Math.Sign(parsed));
                Assert.Equal(value < 0 ? "-" + Format.Money(-value) : text, text);
            }
        }
    }

    // Random magnitudes spread evenly over 10^-2 … 10^13 with random signs, plus every unit boundary and its neighbours.
    private static IEnumerable<double> Values()
    {
        var random = new Random(20261123);
        for (int i = 0; i < 20_000; i++)
        {
            double magnitude = Math.Pow(10, -2 + random.NextDouble() * 15);
            yield return random.Next(2) == 0 ? magnitude : -magnitude;
        }

        double[] boundaries = [0, 0.5, 1, 999.5, 1_000, 999_500, 1e6, 999_995_000, 1e9, 1e12];
        foreach (double b in boundaries)
        {
            foreach (double v in new[] { b, Math.BitDecrement(b), Math.BitIncrement(b), b - 0.01, b + 0.01 })
            {
                yield return v;
                yield return -v;
            }
        }
    }

    /// <summary>The amount a house-format text stands for, and the step of its last digit.</summary>
    private static (double Value, double Step) Parse(string text)
    {
        var m = Shape().Match(text);
        Assert.True(m.Success, text);
        string figure = m.Groups["figure"].Value;
        double scale = m.Groups["unit"].Value switch { "k" => 1e3, "M" => 1e6, "B" => 1e9, _ => 1 };
        int decimals = figure.Contains('.', StringComparison.Ordinal) ? figure.Length - figure.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        // The step is that of the unit's precision (millions and billions show up to two decimals, trailing zeros dropped).
        double step = scale * (m.Groups["unit"].Value is "M" or "B" ? 0.01 : 1);
        Assert.InRange(decimals, 0, 2);
        double value = double.Parse(figure, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * scale;
        return (m.Groups["sign"].Value == "-" ? -value : value, step);
    }

    [GeneratedRegex(@"^(?<sign>-?)\$(?<figure>\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?)(?<unit>[kMB]?)$")]
    private static partial Regex Shape();
}
