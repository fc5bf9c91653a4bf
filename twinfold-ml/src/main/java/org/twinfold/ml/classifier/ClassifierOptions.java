package org.twinfold.ml.classifier;

/**
 * Settings of a {@link MaskClassifier}.
 *
 * @param channels filters of the three convolution stages, each doubling the previous: c, 2c, 4c
 * @param steps Adam steps
 * @param batchSize images per step
 * @param learningRate constant Adam learning rate
 * @param seed seed of the weights, the batches and the augmentation
 */
public record ClassifierOptions(int channels, int steps, int batchSize, double learningRate, long seed) {

    public ClassifierOptions {
        if (channels < 1 || steps < 1 || batchSize < 1) {
            throw new IllegalArgumentException("classifier channels " + channels + ", steps " + steps + " and batch "
                    + batchSize + " must all be positive, e.g. 16, 600 and 32");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("classifier learning rate is " + learningRate
                    + "; use a positive value such as 1e-3");
        }
    }

    /** Returns 16 base filters, 600 steps at batch 32, learning rate 1e-3, with the given seed. */
    public static ClassifierOptions defaults(long seed) {
        return new ClassifierOptions(16, 600, 32, 1e-3, seed);
    }

    /** Returns a copy with another step count. */
    public ClassifierOptions withSteps(int count) {
        return new ClassifierOptions(channels, count, batchSize, learningRate, seed);
    }
}
