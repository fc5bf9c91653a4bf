package org.twinfold.core.metrics;

import java.util.Arrays;

/**
 * Separation power of two histograms with the same bins, also called the triangular discrimination:
 *
 * <pre>
 *   S = 1/2 * sum_i (h1_i - h2_i)^2 / (h1_i + h2_i)
 * </pre>
 *
 * where h1 and h2 are the bin contents normalized to unit sum. Bins with h1_i + h2_i = 0 are skipped.
 * S is 0 for identical histograms and 1 for histograms with no common filled bin, and lies in [0, 1]
 * for non-negative counts. It is the histogram metric of the Fast Calorimeter Simulation Challenge 2022
 * (Krause et al. 2024, "CaloChallenge 2022: A Community Challenge for Fast Calorimeter Simulation",
 * arXiv:2410.21611).
 *
 * <p>Only the bins enter S: under- and overflow are excluded, like {@link Histogram#normalizedCounts()}.
 * The challenge's evaluation code adds 1e-16 to the denominator instead of skipping empty bins, which
 * changes S by at most 1e-16 per bin.
 */
public final class SeparationPower {

    /** Definition text for a {@link MetricResult}. */
    public static final String DEFINITION = "S = 1/2 sum_i (h1_i - h2_i)^2 / (h1_i + h2_i), h normalized to unit"
            + " sum over the bins, bins with h1_i + h2_i = 0 skipped; 0 identical, 1 disjoint"
            + " (triangular discrimination; Krause et al. 2024, CaloChallenge 2022)";

    private SeparationPower() {
    }

    /** Returns S for two histograms; rejects different edges or an empty histogram. */
    public static double of(Histogram first, Histogram second) {
        if (!first.hasSameEdges(second)) {
            throw new IllegalArgumentException("histograms have different bin edges (" + first.binCount() + " and "
                    + second.binCount() + " bins); fill both with the same edges, for example from"
                    + " Binning.commonRange");
        }
        return ofNormalized(first.normalizedCounts(), second.normalizedCounts());
    }

    /** Returns S for two arrays of bin contents of the same length; each is normalized to unit sum first. */
    public static double of(double[] firstCounts, double[] secondCounts) {
        if (firstCounts.length != secondCounts.length) {
            throw new IllegalArgumentException("count arrays have lengths " + firstCounts.length + " and "
                    + secondCounts.length + "; both histograms need the same bins");
        }
        return ofNormalized(normalize(firstCounts, "firstCounts"), normalize(secondCounts, "secondCounts"));
    }

    private static double ofNormalized(double[] h1, double[] h2) {
        double sum = 0;
        for (int i = 0; i < h1.length; i++) {
            double denominator = h1[i] + h2[i];
            if (denominator == 0) {
                continue;
            }
            double difference = h1[i] - h2[i];
            sum += difference * difference / denominator;
        }
        return 0.5 * sum;
    }

    private static double[] normalize(double[] counts, String name) {
        double total = 0;
        for (int i = 0; i < counts.length; i++) {
            if (!Double.isFinite(counts[i]) || counts[i] < 0) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + counts[i]
                        + "; bin contents must be finite and >= 0");
            }
            total += counts[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException(name + " sums to " + total + "; need a positive total to normalize");
        }
        double[] normalized = Arrays.copyOf(counts, counts.length);
        for (int i = 0; i < normalized.length; i++) {
            normalized[i] /= total;
        }
        return normalized;
    }
}
