package org.twinfold.ml.twosample;

import java.util.List;

/**
 * Settings of {@link ClassifierTwoSampleTest}; build with {@link #builder()}.
 *
 * <p>Defaults: hidden widths [512, 512, 512] with LeakyReLU (slope 0.01), Adam with learning rate
 * 2e-4, batch 1,000, 50 epochs, seed 1. The CaloChallenge evaluation uses three layers of 2,048,
 * which take about 16 times the arithmetic of the default; pass them with {@link
 * Builder#optHiddenWidths} to match it.
 *
 * @param hiddenWidths widths of the hidden layers, each at least 1
 * @param learningRate Adam's learning rate, positive
 * @param batchSize training rows per step, at least 1
 * @param epochs passes over the training split, at least 1
 * @param seed seed of the split, the initial weights and the batch order
 */
public record TwoSampleOptions(List<Integer> hiddenWidths, double learningRate, int batchSize, int epochs, long seed) {

    public TwoSampleOptions {
        hiddenWidths = List.copyOf(hiddenWidths);
        for (int width : hiddenWidths) {
            if (width < 1) {
                throw new IllegalArgumentException("classifier hidden widths " + hiddenWidths + " contain " + width
                        + "; every width must be at least 1");
            }
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("classifier learning rate is " + learningRate
                    + "; use a positive value such as 2e-4");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("classifier batch size is " + batchSize + "; it must be at least 1");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("classifier epochs is " + epochs + "; it must be at least 1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects options; every setting is optional and checked in {@link #build()}. */
    public static final class Builder {
        private List<Integer> hiddenWidths = List.of(512, 512, 512);
        private double learningRate = 2e-4;
        private int batchSize = 1000;
        private int epochs = 50;
        private long seed = 1;

        private Builder() {
        }

        public Builder optHiddenWidths(List<Integer> widths) {
            this.hiddenWidths = widths;
            return this;
        }

        public Builder optLearningRate(double rate) {
            this.learningRate = rate;
            return this;
        }

        public Builder optBatchSize(int size) {
            this.batchSize = size;
            return this;
        }

        public Builder optEpochs(int count) {
            this.epochs = count;
            return this;
        }

        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        public TwoSampleOptions build() {
            return new TwoSampleOptions(hiddenWidths, learningRate, batchSize, epochs, seed);
        }
    }
}
