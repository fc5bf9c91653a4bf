package org.twinfold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.distribution.multivariate.MultivariateNormalDistribution;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class CorrelatedChiSquareTest {

    @Test
    void handComputedTwoByTwo() {
        // C^-1 = (1/3) [[2, -1], [-1, 2]], r = (1, 2): chi2 = (2 - 4 + 8) / 3 = 2, diagonal 1/2 + 4/2 = 2.5.
        // With 2 degrees of freedom the p-value is exp(-chi2 / 2).
        ChiSquareResult result = CorrelatedChiSquare.of(new double[] {3, 5}, new double[] {2, 3},
                new double[][] {{2, 1}, {1, 2}});

        assertEquals(2.0, result.chi2(), 1e-14);
        assertEquals(2, result.dof());
        assertEquals(2, result.rankUsed());
        assertEquals(Math.exp(-1), result.pValue(), 1e-14);
        assertEquals(2.5, result.diagonalChi2(), 1e-14);
        assertEquals(Math.exp(-1.25), result.diagonalPValue(), 1e-14);
        assertEquals(2, result.diagonalDof());
    }

    @Test
    void identityCovarianceGivesSumOfSquares() {
        double[][] identity = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

        ChiSquareResult result = CorrelatedChiSquare.of(new double[] {1, 2, 3}, new double[] {0, 0, 0}, identity);

        assertEquals(14.0, result.chi2(), 1e-13);
        assertEquals(14.0, result.diagonalChi2(), 1e-13);
        assertEquals(3, result.dof());
        double expectedPValue = 1 - new ChiSquaredDistribution(3).cumulativeProbability(14.0);
        assertEquals(expectedPValue, result.pValue(), 1e-12);
    }

    @Test
    void independentOfUnits() {
        // Component 0 in keV instead of MeV: O, P scale by 1000 and C_0j by 1000 per index.
        ChiSquareResult mev = CorrelatedChiSquare.of(new double[] {3, 5}, new double[] {2, 3},
                new double[][] {{2, 1}, {1, 2}});
        ChiSquareResult kev = CorrelatedChiSquare.of(new double[] {3000, 5}, new double[] {2000, 3},
                new double[][] {{2e6, 1e3}, {1e3, 2}});

        assertEquals(mev.chi2(), kev.chi2(), 1e-12);
        assertEquals(mev.diagonalChi2(), kev.diagonalChi2(), 1e-12);
    }

    @Test
    void smallPValueKeepsPrecision() {
        ChiSquareResult result = CorrelatedChiSquare.of(new double[] {20}, new double[] {0}, new double[][] {{1}});

        // P(|Z| > 20) = erfc(20 / sqrt 2) = 5.5e-89, which 1 - CDF would round to 0.
        assertEquals(5.507248e-89, result.pValue(), 1e-94);
    }

    @Test
    void singularCovarianceUsesPseudoInverse() {
        // C = 2 u u^T with u = (1, 1) / sqrt 2, so C^+ = u u^T / 2 and chi2 = (u . r)^2 / 2 = 1 for r = (1, 1).
        ChiSquareResult result = CorrelatedChiSquare.of(new double[] {1, 1}, new double[] {0, 0},
                new double[][] {{1, 1}, {1, 1}});

        assertEquals(1.0, result.chi2(), 1e-12);
        assertEquals(1, result.rankUsed());
        assertEquals(1, result.dof());
        assertEquals(0.31731050786291415, result.pValue(), 1e-12);
        assertEquals(2.0, result.diagonalChi2(), 1e-14);
        assertEquals(2, result.diagonalDof());
    }

    @Test
    void linearlyDependentComponentAddsNoRank() {
        // Component 2 = component 0 + component 1 in every row, so C has rank 2 up to rounding, and the
        // chi2 must equal the one from components 0 and 1 alone.
        Random random = new Random(8);
        double[][] first = withSum(correlatedPair(random, 300, 0.4, 0, 0));
        double[][] second = withSum(correlatedPair(random, 250, 0.4, 0.1, 0));

        ChiSquareResult full = CorrelatedChiSquare.ofSamples(first, second);
        ChiSquareResult independent = CorrelatedChiSquare.ofSamples(firstTwo(first), firstTwo(second));

        assertEquals(2, full.rankUsed());
        assertEquals(2, full.dof());
        assertEquals(independent.chi2(), full.chi2(), 1e-8 * independent.chi2());
        assertEquals(independent.pValue(), full.pValue(), 1e-8);
        assertEquals(3, full.diagonalDof());
    }

    @Test
    void rejectsSamplesOfDifferentDimension() {
        double[][] pairs = {{0, 1}, {1, 0}, {2, 2}};
        double[][] triples = {{0, 1, 2}, {1, 0, 2}, {2, 2, 1}};

        assertThrows(IllegalArgumentException.class, () -> CorrelatedChiSquare.ofSamples(pairs, triples));
        assertThrows(IllegalArgumentException.class,
                () -> CorrelatedChiSquare.ofValueAgainstReference(new double[] {1, 2, 3}, pairs));
    }

    @Test
    void zeroVarianceComponentIsDroppedWhenEqual() {
        ChiSquareResult result = CorrelatedChiSquare.of(new double[] {2, 7}, new double[] {0, 7},
                new double[][] {{1, 0}, {0, 0}});

        assertEquals(4.0, result.chi2(), 1e-14);
        assertEquals(1, result.rankUsed());
        assertEquals(4.0, result.diagonalChi2(), 1e-14);
        assertEquals(1, result.diagonalDof());
    }

    @Test
    void zeroVarianceComponentThatDiffersIsCertain() {
        ChiSquareResult result = CorrelatedChiSquare.of(new double[] {2, 7}, new double[] {0, 8},
                new double[][] {{1, 0}, {0, 0}});

        assertEquals(Double.POSITIVE_INFINITY, result.chi2());
        assertEquals(0.0, result.pValue());
        assertEquals(Double.POSITIVE_INFINITY, result.diagonalChi2());
        assertEquals(0.0, result.diagonalPValue());
    }

    @Test
    void rejectsInvalidCovariance() {
        double[] predicted = {0, 0};
        double[] observed = {1, 1};

        assertThrows(IllegalArgumentException.class,
                () -> CorrelatedChiSquare.of(observed, predicted, new double[][] {{1, 2}, {2, 1}}));
        assertThrows(IllegalArgumentException.class,
                () -> CorrelatedChiSquare.of(observed, predicted, new double[][] {{1, 0.5}, {0.2, 1}}));
        assertThrows(IllegalArgumentException.class,
                () -> CorrelatedChiSquare.of(observed, predicted, new double[][] {{-1, 0}, {0, 1}}));
        assertThrows(IllegalArgumentException.class,
                () -> CorrelatedChiSquare.of(observed, predicted, new double[][] {{1, 0}, {0, Double.NaN}}));
        assertThrows(IllegalArgumentException.class,
                () -> CorrelatedChiSquare.of(observed, new double[] {0}, new double[][] {{1}}));
    }

    @Test
    void samplesByHand() {
        // A: mean (1, 1), B: mean (2, 1); both have covariance diag(4/3), so C = diag(4/3)/4 + diag(4/3)/4.
        double[][] first = {{0, 0}, {2, 0}, {0, 2}, {2, 2}};
        double[][] second = {{1, 0}, {3, 0}, {1, 2}, {3, 2}};

        ChiSquareResult twoSample = CorrelatedChiSquare.ofSamples(first, second);
        ChiSquareResult againstReference = CorrelatedChiSquare.ofSampleAgainstReference(first, second);
        ChiSquareResult valueAgainstReference = CorrelatedChiSquare.ofValueAgainstReference(new double[] {1, 1},
                second);

        assertEquals(1.5, twoSample.chi2(), 1e-13);
        assertEquals(1.5, againstReference.chi2(), 1e-13);
        // Only the reference mean is uncertain: C = diag(4/3) / 4.
        assertEquals(3.0, valueAgainstReference.chi2(), 1e-13);
    }

    @Test
    void correlationDirectionAnalytic() {
        // With unit variances and correlation rho, a shift (d, d) gives 2 d^2 / (1 + rho).
        // A shift (d, -d) gives 2 d^2 / (1 - rho). The diagonal version gives 2 d^2 for both.
        double rho = 0.9;
        double[][] covariance = {{1, rho}, {rho, 1}};
        double[] zero = {0, 0};

        ChiSquareResult along = CorrelatedChiSquare.of(new double[] {1, 1}, zero, covariance);
        ChiSquareResult against = CorrelatedChiSquare.of(new double[] {1, -1}, zero, covariance);

        assertEquals(2 / 1.9, along.chi2(), 1e-12);
        assertEquals(2 / 0.1, against.chi2(), 1e-10);
        assertEquals(2.0, along.diagonalChi2(), 1e-14);
        assertEquals(2.0, against.diagonalChi2(), 1e-14);
    }

    @Test
    void correlationDirectionFromSamples() {
        Random random = new Random(31);
        double rho = 0.9;
        int size = 1000;

        // Shift against the correlation: the full test detects it and the diagonal one barely does.
        double[][] reference = correlatedPair(random, size, rho, 0, 0);
        ChiSquareResult against = CorrelatedChiSquare.ofSamples(reference,
                correlatedPair(random, size, rho, 0.05, -0.05));
        assertTrue(against.pValue() < 1e-3, "full p-value " + against.pValue());
        assertTrue(against.diagonalPValue() > 0.01, "diagonal p-value " + against.diagonalPValue());
        assertTrue(against.chi2() > 5 * against.diagonalChi2(), against.toString());

        // Shift along the correlation: the diagonal test overstates it.
        ChiSquareResult along = CorrelatedChiSquare.ofSamples(reference,
                correlatedPair(random, size, rho, 0.2, 0.2));
        assertTrue(along.diagonalChi2() > 1.3 * along.chi2(), along.toString());
        assertTrue(along.diagonalPValue() < along.pValue(), along.toString());
    }

    @Test
    void rejectionRateUnderNullHypothesis() {
        // 200 comparisons of two samples from one correlated Gaussian at alpha = 0.05. The number of
        // rejections must lie between the 0.1 % and 99.9 % quantiles of Binomial(200, 0.05).
        double[] mean = {1, 2, 3};
        double[][] covariance = {{1, 0.8, 0.3}, {0.8, 1, 0.5}, {0.3, 0.5, 1}};
        MultivariateNormalDistribution gaussian = new MultivariateNormalDistribution(new Well19937c(123), mean,
                covariance);
        int trials = 200;

        int rejections = 0;
        for (int t = 0; t < trials; t++) {
            ChiSquareResult result = CorrelatedChiSquare.ofSamples(draw(gaussian, 200), draw(gaussian, 150));
            assertEquals(3, result.dof());
            if (result.pValue() < 0.05) {
                rejections++;
            }
        }

        BinomialDistribution expected = new BinomialDistribution(trials, 0.05);
        int lower = expected.inverseCumulativeProbability(0.001);
        int upper = expected.inverseCumulativeProbability(0.999);
        assertTrue(rejections >= lower, rejections + " rejections, expected at least " + lower);
        assertTrue(rejections <= upper, rejections + " rejections, expected at most " + upper);
    }

    private static double[][] draw(MultivariateNormalDistribution gaussian, int size) {
        double[][] rows = new double[size][];
        for (int i = 0; i < size; i++) {
            rows[i] = gaussian.sample();
        }
        return rows;
    }

    private static double[][] withSum(double[][] pairs) {
        double[][] rows = new double[pairs.length][];
        for (int i = 0; i < pairs.length; i++) {
            rows[i] = new double[] {pairs[i][0], pairs[i][1], pairs[i][0] + pairs[i][1]};
        }
        return rows;
    }

    private static double[][] firstTwo(double[][] rows) {
        double[][] pairs = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            pairs[i] = new double[] {rows[i][0], rows[i][1]};
        }
        return pairs;
    }

    /** Draws pairs with unit variances, correlation rho and the given means. */
    private static double[][] correlatedPair(Random random, int size, double rho, double mean0, double mean1) {
        double[][] rows = new double[size][2];
        double residualScale = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < size; i++) {
            double z0 = random.nextGaussian();
            double z1 = random.nextGaussian();
            rows[i][0] = mean0 + z0;
            rows[i][1] = mean1 + rho * z0 + residualScale * z1;
        }
        return rows;
    }
}
