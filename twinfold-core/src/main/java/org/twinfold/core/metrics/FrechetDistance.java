package org.twinfold.core.metrics;

import java.util.SplittableRandom;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Fréchet distance between Gaussians fitted to two samples of feature vectors, the squared
 * Wasserstein-2 distance of those Gaussians:
 *
 * <pre>
 *   FD = |mu1 - mu2|^2 + Tr(S1 + S2 - 2 (S1 S2)^(1/2))
 * </pre>
 *
 * with mu the sample means and S the unbiased sample covariances. On the CaloChallenge's high-level
 * features it is called FPD (Fréchet physics distance). The trace of the matrix square root is
 * computed as Tr((S1^(1/2) S2 S1^(1/2))^(1/2)), which has the same value and needs only symmetric
 * eigendecompositions (Hipparchus). Eigenvalues that rounding makes slightly negative count as 0.
 *
 * <p>FD of finite samples is biased upward by about c/N for batch size N, so {@link #extrapolated}
 * evaluates it on batches of several sizes and extrapolates linearly in 1/N to 1/N = 0, as the
 * challenge's evaluation does. Cost: O(N d^2 + d^3) per batch for d features. Stateless and
 * thread-safe.
 */
public final class FrechetDistance {

    /** Definition text for a {@link MetricResult}. */
    public static final String DEFINITION = "FD = |mu1 - mu2|^2 + Tr(S1 + S2 - 2 (S1 S2)^(1/2)) between Gaussians"
            + " fitted to the two samples (mean, unbiased covariance)";

    /** Definition text of the extrapolated value. */
    public static final String EXTRAPOLATED_DEFINITION = DEFINITION + ", on random batches of several sizes N,"
            + " extrapolated linearly in 1/N to 1/N = 0; uncertainty: standard error of the fitted intercept";

    private FrechetDistance() {
    }

    /**
     * Returns FD between Gaussians fitted to two samples.
     *
     * @param first (samples, features), at least 2 rows
     * @param second (samples, features), at least 2 rows, the same number of features
     */
    public static double of(double[][] first, double[][] second) {
        FeatureMatrix.requireFinite(first, "first sample", 2);
        FeatureMatrix.requireFinite(second, "second sample", 2);
        FeatureMatrix.requireSameWidth(first, second);
        double[] mean1 = FeatureMatrix.mean(first);
        double[] mean2 = FeatureMatrix.mean(second);
        return between(mean1, FeatureMatrix.covariance(first, mean1), mean2, FeatureMatrix.covariance(second, mean2));
    }

    /** Returns FD between N(mean1, covariance1) and N(mean2, covariance2); covariances symmetric positive semi-definite. */
    public static double between(double[] mean1, double[][] covariance1, double[] mean2, double[][] covariance2) {
        int d = mean1.length;
        if (mean2.length != d || covariance1.length != d || covariance2.length != d) {
            throw new IllegalArgumentException("dimensions differ: means " + mean1.length + " and " + mean2.length
                    + ", covariances " + covariance1.length + " and " + covariance2.length + " rows");
        }
        double meanTerm = 0;
        for (int j = 0; j < d; j++) {
            double difference = mean1[j] - mean2[j];
            meanTerm += difference * difference;
        }

        RealMatrix s1 = MatrixUtils.createRealMatrix(covariance1);
        RealMatrix s2 = MatrixUtils.createRealMatrix(covariance2);
        RealMatrix root1 = symmetricSquareRoot(s1);
        RealMatrix product = root1.multiply(s2).multiply(root1);
        // Symmetrize against rounding before the symmetric decomposition.
        product = product.add(product.transpose()).scalarMultiply(0.5);
        double traceOfRoot = 0;
        for (double eigenvalue : new EigenDecompositionSymmetric(product).getEigenvalues()) {
            traceOfRoot += Math.sqrt(Math.max(eigenvalue, 0));
        }
        return meanTerm + s1.getTrace() + s2.getTrace() - 2 * traceOfRoot;
    }

    /**
     * Returns FD extrapolated to infinite batch size: for each of {@code settings.batchSizeCount()}
     * sizes N, evenly spaced in 1/N between the smallest and the largest, the mean FD over
     * {@code settings.batchesPerSize()} pairs of batches drawn without replacement from each
     * sample; then the intercept of the least-squares line of mean FD against 1/N.
     *
     * @throws IllegalArgumentException when a sample has fewer rows than the largest batch
     */
    public static ExtrapolatedDistance extrapolated(double[][] reference, double[][] generated,
                                                    FrechetExtrapolation settings, long seed) {
        FeatureMatrix.requireFinite(reference, "reference features", 2);
        FeatureMatrix.requireFinite(generated, "generated features", 2);
        FeatureMatrix.requireSameWidth(reference, generated);
        int rows = Math.min(reference.length, generated.length);
        if (settings.maxBatchSize() > rows) {
            throw new IllegalArgumentException("the largest FPD batch has " + settings.maxBatchSize()
                    + " rows but the samples have " + reference.length + " and " + generated.length
                    + "; lower the maximum batch size to at most " + rows);
        }

        int[] sizes = settings.batchSizes();
        double[] inverse = new double[sizes.length];
        double[] means = new double[sizes.length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < sizes.length; k++) {
            double sum = 0;
            for (int b = 0; b < settings.batchesPerSize(); b++) {
                double[][] first = FeatureMatrix.drawRows(reference, sizes[k], random);
                double[][] second = FeatureMatrix.drawRows(generated, sizes[k], random);
                sum += of(first, second);
            }
            inverse[k] = 1.0 / sizes[k];
            means[k] = sum / settings.batchesPerSize();
        }

        double[] fit = interceptWithError(inverse, means);
        return new ExtrapolatedDistance(fit[0], fit[1], sizes, means);
    }

    /** Returns {intercept, its standard error} of the least-squares line y = a + b x; NaN error for 2 points. */
    static double[] interceptWithError(double[] x, double[] y) {
        int n = x.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i] / n;
            meanY += y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        double sumSquaresX = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sumSquaresX += x[i] * x[i];
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        if (n <= 2) {
            return new double[] {intercept, Double.NaN};
        }
        double residuals = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - intercept - slope * x[i];
            residuals += r * r;
        }
        double variance = residuals / (n - 2) * sumSquaresX / (n * sxx);
        return new double[] {intercept, Math.sqrt(variance)};
    }

    private static RealMatrix symmetricSquareRoot(RealMatrix matrix) {
        EigenDecompositionSymmetric decomposition = new EigenDecompositionSymmetric(matrix);
        double[] eigenvalues = decomposition.getEigenvalues();
        double[] roots = new double[eigenvalues.length];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = Math.sqrt(Math.max(eigenvalues[i], 0));
        }
        RealMatrix vectors = decomposition.getV();
        return vectors.multiply(MatrixUtils.createRealDiagonalMatrix(roots)).multiply(vectors.transpose());
    }
}
