package org.twinfold.ml.vae;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Network and training settings of the VAE family that the shared
 * {@link org.twinfold.ml.SurrogateOptions} do not cover; build with {@link #builder()}.
 *
 * <p>Defaults: latent size 32, hidden widths [512, 256] (decoder [256, 512]), beta 0.02 / d for a
 * field of d values, reached after a linear warm-up over 20 % of the steps, EMA decay 0.995, gradient
 * clipping at global norm 1, sampling in batches of 1,000.
 *
 * @param latentSize L, at least 1
 * @param hiddenWidths encoder widths from the input side, each at least 1
 * @param beta KL weight, 0 or more; empty for the default 0.02 / d. Because the squared error is
 *     averaged over the d field values, beta corresponds to a Gaussian decoder with variance beta d / 2
 *     per standardized value, so the default is variance 0.01. A larger variance lets the decoder
 *     ignore fluctuations smaller than it (on a 2-D test, 0.03 lost a component of variance 0.02 to
 *     0.06), and a smaller one matches the latent prior more slowly
 * @param betaWarmupFraction fraction of the steps over which beta rises linearly from 0, in [0, 1]
 * @param emaDecay decay of the weights' moving average used for sampling, in (0, 1)
 * @param maxGradientNorm clipping threshold of the global gradient norm, positive
 * @param sampleBatchSize samples per decoder pass when generating, at least 1
 */
public record VaeOptions(int latentSize, List<Integer> hiddenWidths, OptionalDouble beta, double betaWarmupFraction,
                         double emaDecay, double maxGradientNorm, int sampleBatchSize) {

    /** Decoder variance per standardized value that the default beta corresponds to. */
    static final double DEFAULT_DECODER_VARIANCE = 0.01;

    public VaeOptions {
        hiddenWidths = List.copyOf(hiddenWidths);
        if (latentSize < 1) {
            throw new IllegalArgumentException("VAE latent size is " + latentSize + "; it must be at least 1");
        }
        if (beta.isPresent() && (!(beta.getAsDouble() >= 0) || !Double.isFinite(beta.getAsDouble()))) {
            throw new IllegalArgumentException("VAE beta is " + beta.getAsDouble()
                    + "; it must be finite and 0 or more, e.g. 1e-5");
        }
        if (!(betaWarmupFraction >= 0 && betaWarmupFraction <= 1)) {
            throw new IllegalArgumentException("VAE beta warm-up fraction is " + betaWarmupFraction
                    + "; it must be in [0, 1]");
        }
        if (!(emaDecay > 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("VAE EMA decay is " + emaDecay + "; it must be in (0, 1), e.g. 0.995");
        }
        if (!(maxGradientNorm > 0)) {
            throw new IllegalArgumentException("VAE gradient clipping norm is " + maxGradientNorm
                    + "; it must be positive");
        }
        if (sampleBatchSize < 1) {
            throw new IllegalArgumentException("VAE sample batch size is " + sampleBatchSize
                    + "; it must be at least 1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns the KL weight for a field of {@code fieldSize} values: the set beta, or 0.02 / d. */
    public double betaFor(int fieldSize) {
        return beta.orElse(DEFAULT_DECODER_VARIANCE * 2 / fieldSize);
    }

    /** Returns a copy with another sampling batch size. */
    public VaeOptions withSampleBatchSize(int size) {
        return new VaeOptions(latentSize, hiddenWidths, beta, betaWarmupFraction, emaDecay, maxGradientNorm, size);
    }

    /** Collects options; every setting is optional and checked in {@link #build()}. */
    public static final class Builder {
        private int latentSize = 32;
        private List<Integer> hiddenWidths = List.of(512, 256);
        private OptionalDouble beta = OptionalDouble.empty();
        private double betaWarmupFraction = 0.2;
        private double emaDecay = 0.995;
        private double maxGradientNorm = 1.0;
        private int sampleBatchSize = 1000;

        private Builder() {
        }

        public Builder optLatentSize(int size) {
            this.latentSize = size;
            return this;
        }

        public Builder optHiddenWidths(List<Integer> widths) {
            this.hiddenWidths = widths;
            return this;
        }

        /** Sets the KL weight; without it, beta is 0.02 / d. */
        public Builder optBeta(double value) {
            this.beta = OptionalDouble.of(value);
            return this;
        }

        public Builder optBetaWarmupFraction(double fraction) {
            this.betaWarmupFraction = fraction;
            return this;
        }

        public Builder optEmaDecay(double decay) {
            this.emaDecay = decay;
            return this;
        }

        public Builder optMaxGradientNorm(double norm) {
            this.maxGradientNorm = norm;
            return this;
        }

        public Builder optSampleBatchSize(int size) {
            this.sampleBatchSize = size;
            return this;
        }

        public VaeOptions build() {
            return new VaeOptions(latentSize, hiddenWidths, beta, betaWarmupFraction, emaDecay, maxGradientNorm,
                    sampleBatchSize);
        }
    }
}
