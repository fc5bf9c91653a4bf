package org.twinfold.ml.twosample;

import java.util.Arrays;

/**
 * A non-decreasing map from score to probability, fitted by least squares to 0/1 labels with the
 * pool-adjacent-violators algorithm. Between the scores of two fitted blocks the map interpolates
 * linearly; outside the fitted range it is constant. Immutable.
 */
final class IsotonicCalibration {
    private final double[] scores;
    private final double[] probabilities;

    private IsotonicCalibration(double[] scores, double[] probabilities) {
        this.scores = scores;
        this.probabilities = probabilities;
    }

    /** Fits the map to {@code labels} (true = 1) of {@code scores}. */
    static IsotonicCalibration fit(double[] scores, boolean[] labels) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));

        // Blocks on a stack: weighted mean label, weight, and mean score (where the block is placed).
        double[] level = new double[n];
        double[] weight = new double[n];
        double[] position = new double[n];
        int blocks = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            level[blocks] = labels[i] ? 1 : 0;
            weight[blocks] = 1;
            position[blocks] = scores[i];
            blocks++;
            // Equal scores merge too, so that block positions strictly increase.
            while (blocks > 1 && (level[blocks - 2] >= level[blocks - 1]
                    || position[blocks - 2] == position[blocks - 1])) {
                double total = weight[blocks - 2] + weight[blocks - 1];
                level[blocks - 2] = (level[blocks - 2] * weight[blocks - 2] + level[blocks - 1] * weight[blocks - 1])
                        / total;
                position[blocks - 2] = (position[blocks - 2] * weight[blocks - 2]
                        + position[blocks - 1] * weight[blocks - 1]) / total;
                weight[blocks - 2] = total;
                blocks--;
            }
        }
        return new IsotonicCalibration(Arrays.copyOf(position, blocks), Arrays.copyOf(level, blocks));
    }

    /** Returns the calibrated probability of {@code score}. */
    double probability(double score) {
        int index = Arrays.binarySearch(scores, score);
        if (index >= 0) {
            return probabilities[index];
        }
        int above = -index - 1;
        if (above == 0) {
            return probabilities[0];
        }
        if (above == scores.length) {
            return probabilities[scores.length - 1];
        }
        double fraction = (score - scores[above - 1]) / (scores[above] - scores[above - 1]);
        return probabilities[above - 1] + fraction * (probabilities[above] - probabilities[above - 1]);
    }
}
