package org.twinfold.ml.diffusion;

/**
 * How a trained diffusion model generates: the sampler, the number of samples per forward pass and
 * the guidance scale.
 *
 * @param sampler Heun sampler settings
 * @param batchSize samples per forward pass, at least 1; bounds the activation memory (the
 *     {@code --batch} option); results do not depend on it
 * @param guidanceScale classifier-free guidance w, at least 0; 1 is plain conditional sampling and
 *     costs half as much as any other value
 */
public record SamplingOptions(SamplerSettings sampler, int batchSize, double guidanceScale) {

    public SamplingOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch is " + batchSize + "; it must be at least 1");
        }
        if (!(guidanceScale >= 0) || !Double.isFinite(guidanceScale)) {
            throw new IllegalArgumentException("guidance scale is " + guidanceScale
                    + "; it must be finite and at least 0 (1 means no guidance)");
        }
    }

    /** Returns the options as the report and the dataset provenance print them. */
    @Override
    public String toString() {
        return sampler + ", guidance " + SamplerSettings.number(guidanceScale) + ", batch " + batchSize;
    }

    /** Returns 18 deterministic Heun steps (EDM's CIFAR-10 setting), batch 64, no guidance. */
    public static SamplingOptions defaults() {
        return new SamplingOptions(SamplerSettings.deterministic(18), 64, 1);
    }
}
