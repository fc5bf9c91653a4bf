package org.twinfold.core.metrics;

import java.util.Arrays;

/**
 * Area under the receiver operating characteristic curve (ROC AUC) of a binary score, computed as the
 * Mann-Whitney U statistic divided by n_pos * n_neg:
 *
 * <pre>
 *   AUC = (R_pos - n_pos (n_pos + 1) / 2) / (n_pos n_neg)
 * </pre>
 *
 * where R_pos is the sum of the ranks of the positive scores in the pooled sample, tied scores
 * sharing their mean rank. It equals P(s_pos &gt; s_neg) + P(s_pos = s_neg) / 2 for a random pair, so
 * it is 0.5 for a score that cannot tell the classes apart and 1 for a perfect one.
 *
 * <p>Stateless and thread-safe. Sorting makes it O(n log n).
 */
public final class RocAuc {

    /** Definition text for a {@link MetricResult}. */
    public static final String DEFINITION = "ROC AUC = (R_pos - n_pos (n_pos + 1) / 2) / (n_pos n_neg), R_pos the"
            + " sum of the mid-ranks of the positive scores (Mann-Whitney U); 0.5 indistinguishable, 1 separated";

    private RocAuc() {
    }

    /**
     * Returns the AUC of {@code scores}, where a higher score means "more likely positive".
     *
     * @param positive true for a sample of the positive class, one per score
     * @throws IllegalArgumentException when the lengths differ, a score is NaN, or a class is empty
     */
    public static double of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length
                    + " labels; give one label per score");
        }
        int positives = 0;
        for (boolean label : positive) {
            positives += label ? 1 : 0;
        }
        double[] positiveScores = new double[positives];
        double[] negativeScores = new double[scores.length - positives];
        int p = 0;
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i]) {
                positiveScores[p++] = scores[i];
            } else {
                negativeScores[n++] = scores[i];
            }
        }
        return of(positiveScores, negativeScores);
    }

    /**
     * Returns the AUC of the scores of positive samples against those of negative samples.
     *
     * @throws IllegalArgumentException when a score is NaN or a class is empty
     */
    public static double of(double[] positiveScores, double[] negativeScores) {
        if (positiveScores.length == 0 || negativeScores.length == 0) {
            throw new IllegalArgumentException("the AUC needs both classes, but there are " + positiveScores.length
                    + " positive and " + negativeScores.length + " negative scores");
        }
        int total = positiveScores.length + negativeScores.length;
        double[] pooled = new double[total];
        boolean[] fromPositive = new boolean[total];
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            boolean isPositive = i < positiveScores.length;
            pooled[i] = isPositive ? positiveScores[i] : negativeScores[i - positiveScores.length];
            if (Double.isNaN(pooled[i])) {
                throw new IllegalArgumentException((isPositive ? "positive" : "negative") + " score "
                        + (isPositive ? i : i - positiveScores.length) + " is NaN; scores must be numbers");
            }
            fromPositive[i] = isPositive;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(pooled[a], pooled[b]));

        // Ranks run from 1; a run of tied scores from position start to end - 1 gets their mean rank.
        double positiveRankSum = 0;
        int start = 0;
        while (start < total) {
            int end = start + 1;
            while (end < total && pooled[order[end]] == pooled[order[start]]) {
                end++;
            }
            double midRank = 0.5 * (start + 1 + end);
            for (int k = start; k < end; k++) {
                if (fromPositive[order[k]]) {
                    positiveRankSum += midRank;
                }
            }
            start = end;
        }

        double np = positiveScores.length;
        double nn = negativeScores.length;
        return (positiveRankSum - np * (np + 1) / 2) / (np * nn);
    }

    /**
     * Returns the standard deviation of the AUC of a score that carries no information, for
     * {@code positives} and {@code negatives} samples without ties: sqrt((n_pos + n_neg + 1) /
     * (12 n_pos n_neg)), from the variance of the Mann-Whitney U statistic under the null hypothesis.
     */
    public static double nullStandardDeviation(int positives, int negatives) {
        if (positives < 1 || negatives < 1) {
            throw new IllegalArgumentException("class sizes are " + positives + " and " + negatives
                    + "; both must be at least 1");
        }
        double np = positives;
        double nn = negatives;
        return Math.sqrt((np + nn + 1) / (12 * np * nn));
    }
}
