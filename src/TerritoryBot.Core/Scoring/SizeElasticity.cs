using System.Globalization;
using MathNet.Numerics;
using TerritoryBot.Core.Statistics;

namespace TerritoryBot.Core.Scoring;

/// <summary>
/// How customer ARR scales with company size, fitted on the customer base by least squares:
/// ln ARR = a + bE·ln(employees) + bR·ln(revenue). Used to scale a comparable's ARR to the account's size.
/// </summary>
/// <param name="Intercept">a.</param>
/// <param name="Employees">bE: % change in ARR per % change in employees.</param>
/// <param name="Revenue">bR: % change in ARR per % change in revenue (0 when revenue is too sparse to fit).</param>
/// <param name="Customers">Customers the fit used.</param>
/// <param name="RSquared">Share of the variance of ln ARR the fit explains.</param>
/// <param name="ResidualSd">Standard deviation of the residuals (ln units).</param>
/// <param name="Headroom">
/// exp(p75 − p50 of the residuals): how much more a well-penetrated customer (upper quartile for its size)
/// pays than a typical one. Potential is priced at that level because current ARR is partial penetration.
/// </param>
/// <param name="Fitted">False when there were too few customers and the defaults were used.</param>
public sealed record SizeElasticity(
    double Intercept, double Employees, double Revenue, int Customers, double RSquared, double ResidualSd, double Headroom, bool Fitted)
{
    public const int MinCustomers = 10;
    public const double DefaultElasticity = 0.7;
    public const double DefaultResidualSd = 0.5;
    private const double MaxCombined = 1.5;
    private const double MinCombined = 0.1;

    /// <summary>bE + bR: the elasticity of ARR to size when employees and revenue move together.</summary>
    public double Combined => Employees + Revenue;

    public static SizeElasticity Default { get; } =
        new(0, DefaultElasticity, 0, 0, 0, DefaultResidualSd, HeadroomOf(DefaultResidualSd), false);

    public string Describe() => Fitted
        ? string.Format(CultureInfo.InvariantCulture,
            "ln ARR = {0:0.00} + {1:0.00}·ln employees + {2:0.00}·ln revenue, fitted on {3} customers (R² {4:0.00}); well-penetrated customers pay {5:0.00}× the typical",
            Intercept, Employees, Revenue, Customers, RSquared, Headroom)
        : string.Format(CultureInfo.InvariantCulture,
            "fewer than {0} customers with ARR: default elasticity {1:0.00} assumed, not fitted", MinCustomers, DefaultElasticity);

    /// <summary>
    /// Fits on customers: log employees, log revenue (imputed where unknown), whether revenue was reported,
    /// and ARR (positive).
    /// </summary>
    internal static SizeElasticity Fit(double[] le, double[] lr, bool[] hasRevenue, double[] arr)
    {
        int n = arr.Length;
        if (n < MinCustomers)
        {
            return Default;
        }

        var y = arr.Select(v => Math.Log(v)).ToArray();
        int withRevenue = hasRevenue.Count(h => h);
        double a, bE, bR = 0;

        // Revenue enters only when (nearly) every customer reports it and it is not a copy of headcount.
        if (withRevenue >= 0.8 * n && TryTwoVariable(le, lr, y, out var coef))
        {
            (a, bE, bR) = (coef[0], coef[1], coef[2]);
        }
        else
        {
            (a, bE) = MathNet.Numerics.Fit.Line(le, y);
            if (!double.IsFinite(a) || !double.IsFinite(bE))
            {
                return Default;
            }
        }

        // Keep the elasticity in a range a sales-ops analyst would accept; a wild fit is a data problem.
        double combined = bE + bR;
        if (combined < MinCombined || combined > MaxCombined)
        {
            double target = Math.Clamp(combined, MinCombined, MaxCombined);
            (bE, bR) = combined <= 0 ? (target, 0) : (bE * target / combined, bR * target / combined);
            // Re-centre the intercept so predictions stay unbiased at the customers' mean size.
            a = y.Average() - bE * le.Average() - bR * lr.Average();
        }

        var predicted = new double[n];
        var residuals = new double[n];
        for (int i = 0; i < n; i++)
        {
            predicted[i] = a + bE * le[i] + bR * lr[i];
            residuals[i] = y[i] - predicted[i];
        }

        double r2 = GoodnessOfFit.RSquared(predicted, y);
        double sd = MathNet.Numerics.Statistics.Statistics.PopulationStandardDeviation(residuals);
        Array.Sort(residuals);
        double headroom = Math.Clamp(
            Math.Exp(Distribution.PercentileOfSorted(residuals, 0.75) - Distribution.PercentileOfSorted(residuals, 0.5)), 1, 2);
        return new SizeElasticity(a, bE, bR, n, double.IsFinite(r2) ? r2 : 0, sd, headroom, true);
    }

    private static double HeadroomOf(double sd) => Math.Clamp(Math.Exp(0.674 * sd), 1, 2);

    private static bool TryTwoVariable(double[] le, double[] lr, double[] y, out double[] coef)
    {
        coef = [];
        double corr = MathNet.Numerics.Statistics.Correlation.Pearson(le, lr);
        if (!double.IsFinite(corr) || Math.Abs(corr) > 0.995)
        {
            return false;
        }

        var x = new double[y.Length][];
        for (int i = 0; i < y.Length; i++)
        {
            x[i] = [le[i], lr[i]];
        }

        try
        {
            coef = MathNet.Numerics.Fit.MultiDim(x, y, intercept: true, MathNet.Numerics.LinearRegression.DirectRegressionMethod.QR);
        }
        catch (ArgumentException)
        {
            return false;
        }

        // A negative coefficient would make a bigger company worth less, holding the other fixed: refuse it.
        return coef.Length == 3 && coef.All(double.IsFinite) && coef[1] >= 0 && coef[2] >= 0;
    }
}
