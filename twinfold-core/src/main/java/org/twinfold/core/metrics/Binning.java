package org.twinfold.core.metrics;

import java.util.Arrays;

import org.hipparchus.stat.descriptive.rank.Percentile;
import org.hipparchus.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Bin edges for {@link Histogram}: uniform or logarithmic over a given range, or chosen from two samples
 * together so that both are histogrammed with the same edges before they are compared.
 *
 * <p>The sample-based methods look only at finite values. When all finite values of both samples are
 * equal to one value v, the range would be empty, so it is widened to [v - h, v + h] with
 * h = |v| / 2, or h = 0.5 when v = 0.
 */
public final class Binning {

    private Binning() {
    }

    /** Returns {@code bins + 1} equally spaced edges from {@code low} to {@code high}, both exact. */
    public static double[] uniform(double low, double high, int bins) {
        checkRange(low, high, bins);

        double[] edges = new double[bins + 1];
        double width = (high - low) / bins;
        for (int i = 0; i < bins; i++) {
            edges[i] = low + i * width;
        }
        edges[bins] = high;
        return edges;
    }

    /**
     * Returns {@code bins + 1} edges equally spaced in log(x) from {@code low} to {@code high}, both exact:
     * e_i = low * (high / low)^(i / bins). Needs 0 < low < high.
     */
    public static double[] logarithmic(double low, double high, int bins) {
        checkRange(low, high, bins);
        if (!(low > 0)) {
            throw new IllegalArgumentException("logarithmic bins need low > 0, got low = " + low
                    + "; choose the smallest positive value of interest");
        }

        double[] edges = new double[bins + 1];
        double logLow = Math.log(low);
        double logStep = (Math.log(high) - logLow) / bins;
        edges[0] = low;
        for (int i = 1; i < bins; i++) {
            edges[i] = Math.exp(logLow + i * logStep);
        }
        edges[bins] = high;
        return edges;
    }

    /** Returns uniform edges from the minimum to the maximum of the finite values of both samples. */
    public static double[] commonRange(double[] first, double[] second, int bins) {
        double[] pooled = pooledFinite(first, second);

        double[] range = widenIfEmpty(pooled[0], pooled[pooled.length - 1]);
        return uniform(range[0], range[1], bins);
    }

    /**
     * Returns logarithmic edges from the smallest to the largest positive finite value of both samples.
     * Values {@code <= 0} then fall into the histogram's underflow.
     */
    public static double[] commonLogarithmic(double[] first, double[] second, int bins) {
        double[] positive = Arrays.stream(pooledFinite(first, second)).filter(x -> x > 0).toArray();
        if (positive.length == 0) {
            throw new IllegalArgumentException("logarithmic bins need positive values, but none of the "
                    + (first.length + second.length) + " values is positive; use commonRange instead");
        }

        double[] range = widenIfEmpty(positive[0], positive[positive.length - 1]);
        return logarithmic(range[0], range[1], bins);
    }

    /**
     * Returns edges at the quantiles i / bins (i = 0..bins) of the pooled finite values of both samples,
     * so each bin contains about the same number of pooled values. Quantiles interpolate linearly between
     * order statistics (Hyndman and Fan type 7, the default of R and numpy). The first and last edges
     * are the pooled minimum and maximum.
     *
     * <p>Note: tied values can make neighbouring quantiles equal; such duplicates are merged, so the
     * result can have fewer than {@code bins} bins.
     */
    public static double[] commonQuantiles(double[] first, double[] second, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins is " + bins + "; need at least 1 bin");
        }
        double[] pooled = pooledFinite(first, second);
        if (pooled[0] == pooled[pooled.length - 1]) {
            double[] range = widenIfEmpty(pooled[0], pooled[0]);
            return uniform(range[0], range[1], bins);
        }

        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(pooled);
        double[] edges = new double[bins + 1];
        int count = 0;
        for (int i = 0; i <= bins; i++) {
            double edge = i == 0 ? pooled[0] : percentile.evaluate(100.0 * i / bins);
            if (count == 0 || edge > edges[count - 1]) {
                edges[count++] = edge;
            }
        }
        return Arrays.copyOf(edges, count);
    }

    /** Returns the sorted finite values of both samples; rejects samples with no finite value. */
    private static double[] pooledFinite(double[] first, double[] second) {
        double[] pooled = new double[first.length + second.length];
        int count = 0;
        for (double x : first) {
            if (Double.isFinite(x)) {
                pooled[count++] = x;
            }
        }
        for (double x : second) {
            if (Double.isFinite(x)) {
                pooled[count++] = x;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("none of the " + pooled.length
                    + " values of the two samples is finite; cannot choose bin edges");
        }

        double[] finite = Arrays.copyOf(pooled, count);
        Arrays.sort(finite);
        return finite;
    }

    private static double[] widenIfEmpty(double low, double high) {
        if (low < high) {
            return new double[] {low, high};
        }
        double halfWidth = low == 0 ? 0.5 : Math.abs(low) / 2;
        return new double[] {low - halfWidth, low + halfWidth};
    }

    private static void checkRange(double low, double high, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins is " + bins + "; need at least 1 bin");
        }
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
            throw new IllegalArgumentException("bin range [" + low + ", " + high
                    + "] is invalid; need finite low < high");
        }
    }
}
