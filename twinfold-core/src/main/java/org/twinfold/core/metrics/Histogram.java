package org.twinfold.core.metrics;

import java.util.Arrays;

/**
 * A weighted 1-D histogram with fixed bin edges.
 *
 * <p>Bins: with edges e_0 < e_1 < ... < e_k there are k bins, and bin i contains the values
 * e_i <= x < e_{i+1}, except that the last bin also contains x = e_k (the convention of
 * {@code numpy.histogram}). Values below e_0 add their weight to {@link #underflow()}, values above e_k
 * to {@link #overflow()}, and NaN values to {@link #nanWeight()}. None of these three enter
 * {@link #total()}, {@link #normalizedCounts()} or {@link #densities()}, which describe the range
 * [e_0, e_k] only, as {@code numpy.histogram} does. Infinite values are ordinary under- or overflow.
 *
 * <p>Counts are sums of weights (1 per value when no weights are given), so they are doubles.
 * Instances are immutable; accessors return copies.
 */
public final class Histogram {

    private final double[] edges;
    private final double[] counts;
    private final double underflow;
    private final double overflow;
    private final double nanWeight;

    private Histogram(double[] edges, double[] counts, double underflow, double overflow, double nanWeight) {
        this.edges = edges;
        this.counts = counts;
        this.underflow = underflow;
        this.overflow = overflow;
        this.nanWeight = nanWeight;
    }

    /** Fills a histogram with {@code values}, each with weight 1. */
    public static Histogram of(double[] edges, double[] values) {
        double[] weights = new double[values.length];
        Arrays.fill(weights, 1.0);
        return of(edges, values, weights);
    }

    /**
     * Fills a histogram with {@code values}, value i with weight {@code weights[i]}.
     *
     * @param edges   bin edges, strictly increasing and finite, at least 2 of them
     * @param values  values to count, any length; NaN is counted in {@link #nanWeight()}
     * @param weights finite weights, same length as {@code values}
     */
    public static Histogram of(double[] edges, double[] values, double[] weights) {
        double[] checkedEdges = checkEdges(edges);
        if (weights.length != values.length) {
            throw new IllegalArgumentException("weights has length " + weights.length + " but values has length "
                    + values.length + "; give one weight per value");
        }

        int bins = checkedEdges.length - 1;
        double low = checkedEdges[0];
        double high = checkedEdges[bins];
        double[] counts = new double[bins];
        double underflow = 0;
        double overflow = 0;
        double nanWeight = 0;
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            double w = weights[i];
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("weights[" + i + "] is " + w + "; weights must be finite");
            }
            if (Double.isNaN(x)) {
                nanWeight += w;
            } else if (x < low) {
                underflow += w;
            } else if (x > high) {
                overflow += w;
            } else {
                counts[binIndex(checkedEdges, x)] += w;
            }
        }
        return new Histogram(checkedEdges, counts, underflow, overflow, nanWeight);
    }

    /** Returns the bin of x for low <= x <= high; the upper edge belongs to the last bin. */
    private static int binIndex(double[] edges, double x) {
        int found = Arrays.binarySearch(edges, x);

        // An exact hit on edge i opens bin i; a miss returns -(insertion point) - 1.
        int bin = found >= 0 ? found : -found - 2;
        return Math.min(bin, edges.length - 2);
    }

    /** Validates edges and returns a private copy. */
    static double[] checkEdges(double[] edges) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("a histogram needs at least 2 bin edges, got " + edges.length);
        }
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i])) {
                throw new IllegalArgumentException("edges[" + i + "] is " + edges[i] + "; bin edges must be finite");
            }
            if (i > 0 && edges[i] <= edges[i - 1]) {
                throw new IllegalArgumentException("edges[" + i + "] = " + edges[i] + " is not greater than edges["
                        + (i - 1) + "] = " + edges[i - 1] + "; bin edges must be strictly increasing");
            }
        }
        return edges.clone();
    }

    public int binCount() {
        return counts.length;
    }

    public double[] edges() {
        return edges.clone();
    }

    /** Returns the summed weight in each bin, length {@link #binCount()}. */
    public double[] counts() {
        return counts.clone();
    }

    public double count(int bin) {
        return counts[bin];
    }

    /** Returns the summed weight of values below the first edge. */
    public double underflow() {
        return underflow;
    }

    /** Returns the summed weight of values above the last edge. */
    public double overflow() {
        return overflow;
    }

    /** Returns the summed weight of NaN values. */
    public double nanWeight() {
        return nanWeight;
    }

    /** Returns the summed weight inside [first edge, last edge], without under- and overflow. */
    public double total() {
        double sum = 0;
        for (double count : counts) {
            sum += count;
        }
        return sum;
    }

    /** Returns e_{i+1} - e_i for each bin. */
    public double[] binWidths() {
        double[] widths = new double[counts.length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = edges[i + 1] - edges[i];
        }
        return widths;
    }

    /** Returns (e_i + e_{i+1}) / 2 for each bin. */
    public double[] binCenters() {
        double[] centers = new double[counts.length];
        for (int i = 0; i < centers.length; i++) {
            centers[i] = 0.5 * (edges[i] + edges[i + 1]);
        }
        return centers;
    }

    /** Returns count_i / total, which sums to 1 over the bins; rejects a histogram with total 0. */
    public double[] normalizedCounts() {
        double total = requirePositiveTotal();

        double[] normalized = new double[counts.length];
        for (int i = 0; i < normalized.length; i++) {
            normalized[i] = counts[i] / total;
        }
        return normalized;
    }

    /**
     * Returns the probability density count_i / (total * width_i), in 1/(unit of the values), which
     * integrates to 1 over [first edge, last edge]; rejects a histogram with total 0.
     */
    public double[] densities() {
        double total = requirePositiveTotal();

        double[] densities = new double[counts.length];
        for (int i = 0; i < densities.length; i++) {
            densities[i] = counts[i] / (total * (edges[i + 1] - edges[i]));
        }
        return densities;
    }

    /** Returns whether {@code other} has exactly the same bin edges. */
    public boolean hasSameEdges(Histogram other) {
        return Arrays.equals(edges, other.edges);
    }

    private double requirePositiveTotal() {
        double total = total();
        if (!(total > 0)) {
            throw new IllegalStateException("histogram total inside [" + edges[0] + ", " + edges[edges.length - 1]
                    + "] is " + total + " (underflow " + underflow + ", overflow " + overflow
                    + "); normalization needs a positive total, so choose edges that cover the data");
        }
        return total;
    }

    @Override
    public String toString() {
        return "Histogram[" + counts.length + " bins over [" + edges[0] + ", " + edges[edges.length - 1]
                + "], total " + total() + ", underflow " + underflow + ", overflow " + overflow + "]";
    }
}
