package org.twinfold.ml.twosample;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.twinfold.ml.train.BatchSupplier;
import org.twinfold.ml.train.StepRandom;

/**
 * The rows of a two-sample test, split per sample after a seeded shuffle into training (60 %), test
 * (20 %) and validation (the rest). Each feature is standardized with the training rows' mean and
 * standard deviation (1 for a feature with no spread). Arrays are flat float32 (rows, d), and label
 * true marks a generated row.
 */
record TwoSampleSplit(int features, float[] trainFeatures, boolean[] trainLabels, float[] testFeatures,
                      boolean[] testLabels, float[] validationFeatures, boolean[] validationLabels) {

    /** Minimum rows per sample, enough for one row in each of the three splits. */
    static final int MINIMUM_ROWS = 5;

    static TwoSampleSplit of(double[][] reference, double[][] generated, long seed) {
        int d = requireRows(reference, "reference", -1);
        requireRows(generated, "generated", d);

        SplittableRandom random = new SplittableRandom(seed);
        int[] referenceOrder = shuffled(reference.length, random);
        int[] generatedOrder = shuffled(generated.length, random);
        int[][] referenceParts = parts(referenceOrder);
        int[][] generatedParts = parts(generatedOrder);

        double[][] train = rows(reference, referenceParts[0], generated, generatedParts[0]);
        double[] mean = new double[d];
        double[] std = new double[d];
        standardization(train, mean, std);

        return new TwoSampleSplit(d,
                flat(train, mean, std), labels(referenceParts[0].length, generatedParts[0].length),
                flat(rows(reference, referenceParts[1], generated, generatedParts[1]), mean, std),
                labels(referenceParts[1].length, generatedParts[1].length),
                flat(rows(reference, referenceParts[2], generated, generatedParts[2]), mean, std),
                labels(referenceParts[2].length, generatedParts[2].length));
    }

    int trainRows() {
        return trainLabels.length;
    }

    int testRows() {
        return testLabels.length;
    }

    int validationRows() {
        return validationLabels.length;
    }

    /**
     * Returns batches (x (N, d), y (N, 1)) that visit every training row once per epoch, in an order
     * shuffled from (seed, epoch). The last batch of an epoch may be smaller.
     */
    BatchSupplier epochBatches(int batchSize, int stepsPerEpoch, long seed) {
        int rows = trainRows();
        int[][] cache = new int[1][];
        long[] cachedEpoch = {-1};
        return context -> {
            long epoch = (context.step() - 1) / stepsPerEpoch;
            int index = (int) ((context.step() - 1) % stepsPerEpoch);
            if (cachedEpoch[0] != epoch) {
                cache[0] = shuffled(rows, StepRandom.forStep(seed, epoch));
                cachedEpoch[0] = epoch;
            }
            int start = index * batchSize;
            int count = Math.min(batchSize, rows - start);
            float[] x = new float[count * features];
            float[] y = new float[count];
            for (int i = 0; i < count; i++) {
                int row = cache[0][start + i];
                System.arraycopy(trainFeatures, row * features, x, i * features, features);
                y[i] = trainLabels[row] ? 1f : 0f;
            }
            NDManager manager = context.manager();
            return new NDList(manager.create(x, new Shape(count, features)), manager.create(y, new Shape(count, 1)));
        };
    }

    private static int requireRows(double[][] rows, String role, int expectedFeatures) {
        if (rows == null || rows.length < MINIMUM_ROWS) {
            throw new IllegalArgumentException("the " + role + " sample has " + (rows == null ? 0 : rows.length)
                    + " rows; the two-sample test needs at least " + MINIMUM_ROWS + " per sample");
        }
        int d = expectedFeatures < 0 ? rows[0].length : expectedFeatures;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException(role + " row " + i + " has " + rows[i].length + " features; expected "
                        + d + ", as in the reference sample's first row");
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException(role + " row " + i + " contains " + rows[i][j] + " at feature "
                            + j + "; remove or repair that row");
                }
            }
        }
        return d;
    }

    private static int[] shuffled(int count, SplittableRandom random) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** Splits shuffled indices 60 / 20 / 20, each part at least one row. */
    private static int[][] parts(int[] order) {
        int n = order.length;
        int train = Math.max(1, (int) (0.6 * n));
        int test = Math.max(1, (int) (0.2 * n));
        return new int[][] {java.util.Arrays.copyOfRange(order, 0, train),
            java.util.Arrays.copyOfRange(order, train, train + test),
            java.util.Arrays.copyOfRange(order, train + test, n)};
    }

    private static double[][] rows(double[][] reference, int[] referenceRows, double[][] generated,
                                   int[] generatedRows) {
        double[][] rows = new double[referenceRows.length + generatedRows.length][];
        for (int i = 0; i < referenceRows.length; i++) {
            rows[i] = reference[referenceRows[i]];
        }
        for (int i = 0; i < generatedRows.length; i++) {
            rows[referenceRows.length + i] = generated[generatedRows[i]];
        }
        return rows;
    }

    private static boolean[] labels(int referenceRows, int generatedRows) {
        boolean[] labels = new boolean[referenceRows + generatedRows];
        for (int i = referenceRows; i < labels.length; i++) {
            labels[i] = true;
        }
        return labels;
    }

    private static void standardization(double[][] rows, double[] mean, double[] std) {
        int d = mean.length;
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / rows.length;
            }
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / rows.length;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = std[j] > 0 ? Math.sqrt(std[j]) : 1;
        }
    }

    private static float[] flat(double[][] rows, double[] mean, double[] std) {
        int d = mean.length;
        float[] flat = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                flat[i * d + j] = (float) ((rows[i][j] - mean[j]) / std[j]);
            }
        }
        return flat;
    }
}
