package org.twinfold.core.metrics;

import org.hipparchus.special.Gamma;

/**
 * Chi-square test of the difference between two mean vectors, with the full covariance of that
 * difference so that correlated components (for example the energies of neighbouring calorimeter
 * layers) are not counted as independent evidence:
 *
 * <pre>
 *   chi2 = sum_ij (O_i - P_i) (C^-1)_ij (O_j - P_j)
 * </pre>
 *
 * O and P are d-vectors, C is the d x d covariance of O - P. Under the null hypothesis that O and P
 * estimate the same mean, and for Gaussian O - P, chi2 follows the chi-square distribution with d degrees
 * of freedom. When C is estimated from samples, chi2 follows Hotelling's T^2 instead, which approaches
 * the chi-square distribution as the sample sizes grow, so the p-value is accurate when both samples are
 * much larger than d.
 *
 * <p>The result also contains the diagonal version sum_i (O_i - P_i)^2 / C_ii, which ignores the
 * correlations. With positive correlation, a shift along the correlated direction gives a diagonal chi2
 * that is too large, and a shift against it gives one that is too small.
 *
 * <p>Inversion: C is inverted through its correlation matrix by Cholesky decomposition, with the
 * singular value decomposition pseudo-inverse as the fallback when C is singular or nearly so; the
 * degrees of freedom are then the rank used. Components with zero variance are left out, unless their
 * difference is non-zero, which makes chi2 infinite and the p-value 0.
 */
public final class CorrelatedChiSquare {

    /** Definition text for a {@link MetricResult}. */
    public static final String DEFINITION = "chi2 = (O - P)^T C^-1 (O - P) for mean vectors O, P and the"
            + " covariance C of O - P (pseudo-inverse if C is singular); p-value from the chi-square"
            + " distribution with rank(C) degrees of freedom";

    private CorrelatedChiSquare() {
    }

    /**
     * Compares the means of two samples of d-vectors, shapes [nA][d] and [nB][d]:
     * O = mean(A), P = mean(B), C = cov(A) / nA + cov(B) / nB, with unbiased covariances.
     * Each sample needs at least 2 rows.
     */
    public static ChiSquareResult ofSamples(double[][] first, double[][] second) {
        int dimension = checkSameDimension(first, second);

        double[][] covarianceFirst = SampleStatistics.covariance(first);
        double[][] covarianceSecond = SampleStatistics.covariance(second);
        double[][] covariance = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                covariance[i][j] = covarianceFirst[i][j] / first.length + covarianceSecond[i][j] / second.length;
            }
        }

        return of(SampleStatistics.columnMeans(first), SampleStatistics.columnMeans(second), covariance);
    }

    /**
     * Compares the mean of a sample with the mean of a reference sample, taking the covariance from the
     * reference only: O = mean(sample), P = mean(reference), C = cov(reference) (1/nSample + 1/nReference).
     * Use it when the sample's own covariance cannot be trusted, for example a generator with too little
     * spread or a small sample. The reference needs at least 2 rows, the sample at least 1.
     */
    public static ChiSquareResult ofSampleAgainstReference(double[][] sample, double[][] reference) {
        checkSameDimension(sample, reference);

        double scale = 1.0 / sample.length + 1.0 / reference.length;
        double[][] covariance = scaled(SampleStatistics.covariance(reference), scale);

        return of(SampleStatistics.columnMeans(sample), SampleStatistics.columnMeans(reference), covariance);
    }

    /**
     * Compares a fixed vector, for example the output of a deterministic surrogate, with the mean of a
     * reference sample of shape [n][d]: O = observed, P = mean(reference), C = cov(reference) / n, the
     * covariance of the reference mean. The reference needs at least 2 rows.
     */
    public static ChiSquareResult ofValueAgainstReference(double[] observed, double[][] reference) {
        int dimension = SampleStatistics.requireRectangular(reference, 2, "reference covariance");
        if (observed.length != dimension) {
            throw new IllegalArgumentException("observed has length " + observed.length + " but the reference"
                    + " rows have length " + dimension + "; both need the same dimension");
        }

        double[][] covariance = scaled(SampleStatistics.covariance(reference), 1.0 / reference.length);
        return of(observed, SampleStatistics.columnMeans(reference), covariance);
    }

    /**
     * Compares two mean vectors given their difference's covariance.
     *
     * @param observed   O, length d
     * @param predicted  P, length d
     * @param covariance C, the symmetric positive semi-definite d x d covariance of O - P
     */
    public static ChiSquareResult of(double[] observed, double[] predicted, double[][] covariance) {
        double[] residual = residual(observed, predicted);

        CovarianceQuadraticForm.Evaluation full = CovarianceQuadraticForm.evaluate(residual, covariance);
        double diagonal = diagonalForm(residual, covariance);

        return new ChiSquareResult(full.value(), full.rank(), upperTail(full.value(), full.rank()), full.rank(),
                diagonal, upperTail(diagonal, full.dimensionUsed()), full.dimensionUsed());
    }

    /**
     * Returns P(X >= chi2) for X chi-square distributed with {@code dof} degrees of freedom, as the
     * regularized upper incomplete gamma function Q(dof/2, chi2/2), which keeps small p-values accurate
     * where 1 - CDF would round to 0. With 0 degrees of freedom X = 0, so the result is 1 for chi2 = 0.
     */
    static double upperTail(double chi2, int dof) {
        if (chi2 == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        if (dof == 0) {
            return chi2 > 0 ? 0.0 : 1.0;
        }
        return Gamma.regularizedGammaQ(dof / 2.0, chi2 / 2.0);
    }

    private static double diagonalForm(double[] residual, double[][] covariance) {
        double sum = 0;
        for (int i = 0; i < residual.length; i++) {
            double variance = covariance[i][i];
            if (variance > 0) {
                sum += residual[i] * residual[i] / variance;
            } else if (residual[i] != 0) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return sum;
    }

    private static double[] residual(double[] observed, double[] predicted) {
        if (observed.length != predicted.length) {
            throw new IllegalArgumentException("observed has length " + observed.length + " but predicted has"
                    + " length " + predicted.length + "; both mean vectors need the same dimension");
        }
        if (observed.length == 0) {
            throw new IllegalArgumentException("mean vectors are empty; need at least one component");
        }
        double[] residual = new double[observed.length];
        for (int i = 0; i < residual.length; i++) {
            residual[i] = observed[i] - predicted[i];
            if (!Double.isFinite(residual[i])) {
                throw new IllegalArgumentException("component " + i + ": observed " + observed[i] + ", predicted "
                        + predicted[i] + "; both must be finite");
            }
        }
        return residual;
    }

    private static int checkSameDimension(double[][] first, double[][] second) {
        int dimension = SampleStatistics.requireRectangular(first, 1, "mean");
        int other = SampleStatistics.requireRectangular(second, 1, "mean");
        if (dimension != other) {
            throw new IllegalArgumentException("samples have dimensions " + dimension + " and " + other
                    + "; both need the same observable vector");
        }
        return dimension;
    }

    private static double[][] scaled(double[][] matrix, double factor) {
        double[][] result = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            result[i] = matrix[i].clone();
            for (int j = 0; j < result[i].length; j++) {
                result[i][j] *= factor;
            }
        }
        return result;
    }
}
