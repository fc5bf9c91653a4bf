package org.twinfold.core.metrics;

/**
 * Batch sizes of {@link FrechetDistance#extrapolated}. The CaloChallenge evaluation uses
 * {@link #challenge()}: 10 sizes from 10,000 to 50,000 rows, 20 batches each, which needs samples of
 * at least 50,000 rows; use smaller sizes for smaller samples.
 *
 * @param minBatchSize rows in the smallest batch, at least 2
 * @param maxBatchSize rows in the largest batch, at least {@code minBatchSize}
 * @param batchSizeCount number of batch sizes, evenly spaced in 1/N; at least 2, because the fit needs two
 * @param batchesPerSize batch pairs averaged at each size, at least 1
 */
public record FrechetExtrapolation(int minBatchSize, int maxBatchSize, int batchSizeCount, int batchesPerSize) {

    public FrechetExtrapolation {
        if (minBatchSize < 2 || maxBatchSize <= minBatchSize) {
            throw new IllegalArgumentException("FPD batch sizes run from " + minBatchSize + " to " + maxBatchSize
                    + "; the smallest must be at least 2 and the largest above it");
        }
        if (batchSizeCount < 2) {
            throw new IllegalArgumentException("FPD batch size count is " + batchSizeCount
                    + "; the extrapolation in 1/N needs at least 2");
        }
        if (batchesPerSize < 1) {
            throw new IllegalArgumentException("FPD batches per size is " + batchesPerSize + "; it must be at least 1");
        }
    }

    /** Returns the settings of the CaloChallenge evaluation: 10,000 to 50,000 rows, 10 sizes, 20 batches each. */
    public static FrechetExtrapolation challenge() {
        return new FrechetExtrapolation(10_000, 50_000, 10, 20);
    }

    /** Returns the batch sizes, from the largest to the smallest, evenly spaced in 1/N and rounded. */
    public int[] batchSizes() {
        int[] sizes = new int[batchSizeCount];
        double low = 1.0 / maxBatchSize;
        double high = 1.0 / minBatchSize;
        for (int k = 0; k < batchSizeCount; k++) {
            double inverse = low + (high - low) * k / (batchSizeCount - 1);
            sizes[k] = (int) Math.round(1.0 / inverse);
        }
        return sizes;
    }
}
