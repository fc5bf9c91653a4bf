package org.twinfold.ml.diffusion;

/**
 * How a trained diffusion model generates: the sampler, the number of samples per forward pass and
 * the guidance scale with the noise levels at which guidance applies.
 *
 * <p>Guidance limited to an interval of noise levels follows Kynkaanniemi et al., "Applying Guidance in a
 * Limited Interval Improves Sample and Distribution Quality in Diffusion Models" (NeurIPS 2024,
 * arXiv:2404.07724). Outside the interval the sampler uses the plain conditional denoiser, at half the
 * cost per network evaluation.
 *
 * @param sampler Heun sampler settings
 * @param batchSize samples per forward pass, at least 1; bounds the activation memory (the
 *     {@code --batch} option); results do not depend on it
 * @param guidanceScale classifier-free guidance w, at least 0; 1 is plain conditional sampling and
 *     costs half as much as any other value
 * @param guidanceSigmaMin lowest noise level that is guided, at least 0
 * @param guidanceSigmaMax highest noise level that is guided, above {@code guidanceSigmaMin};
 *     infinite for no upper limit
 * @param unconditionalGuide true to give a guide model (autoguidance) no condition, false to give it
 *     each sample's condition. Without a condition, guidance pushes away from the weaker model and from
 *     the average over all conditions at once. Classifier-free guidance ignores this flag.
 */
public record SamplingOptions(SamplerSettings sampler, int batchSize, double guidanceScale, double guidanceSigmaMin,
                              double guidanceSigmaMax, boolean unconditionalGuide) {

    public SamplingOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch is " + batchSize + "; it must be at least 1");
        }
        if (!(guidanceScale >= 0) || !Double.isFinite(guidanceScale)) {
            throw new IllegalArgumentException("guidance scale is " + guidanceScale
                    + "; it must be finite and at least 0 (1 means no guidance)");
        }
        if (!(guidanceSigmaMin >= 0) || !Double.isFinite(guidanceSigmaMin) || !(guidanceSigmaMax > guidanceSigmaMin)) {
            throw new IllegalArgumentException("guidance interval is sigma " + guidanceSigmaMin + " to "
                    + guidanceSigmaMax + "; it needs 0 <= low < high, e.g. 0.3,3");
        }
    }

    /** Creates options that give a guide model, if any, each sample's condition. */
    public SamplingOptions(SamplerSettings sampler, int batchSize, double guidanceScale, double guidanceSigmaMin,
                           double guidanceSigmaMax) {
        this(sampler, batchSize, guidanceScale, guidanceSigmaMin, guidanceSigmaMax, false);
    }

    /** Creates options that guide at every noise level. */
    public SamplingOptions(SamplerSettings sampler, int batchSize, double guidanceScale) {
        this(sampler, batchSize, guidanceScale, 0, Double.POSITIVE_INFINITY);
    }

    /** Returns a copy that guides only at noise levels from {@code low} to {@code high}. */
    public SamplingOptions withGuidanceInterval(double low, double high) {
        return new SamplingOptions(sampler, batchSize, guidanceScale, low, high, unconditionalGuide);
    }

    /** Returns a copy that gives a guide model no condition ({@code true}) or each sample's ({@code false}). */
    public SamplingOptions withUnconditionalGuide(boolean unconditional) {
        return new SamplingOptions(sampler, batchSize, guidanceScale, guidanceSigmaMin, guidanceSigmaMax,
                unconditional);
    }

    /** Returns true when guidance applies at noise level {@code sigma}. */
    public boolean guidedAt(double sigma) {
        return guidanceScale != 1 && sigma >= guidanceSigmaMin && sigma <= guidanceSigmaMax;
    }

    /** Returns the options as the report and the dataset provenance print them. */
    @Override
    public String toString() {
        String interval = "";
        if (guidanceScale != 1 && (guidanceSigmaMin > 0 || guidanceSigmaMax < Double.POSITIVE_INFINITY)) {
            interval = " over sigma " + SamplerSettings.number(guidanceSigmaMin) + " to "
                    + (guidanceSigmaMax < Double.POSITIVE_INFINITY ? SamplerSettings.number(guidanceSigmaMax) : "inf");
        }
        String guide = guidanceScale != 1 && unconditionalGuide ? ", guide without condition" : "";
        return sampler + ", guidance " + SamplerSettings.number(guidanceScale) + interval + guide + ", batch "
                + batchSize;
    }

    /** Returns 18 deterministic Heun steps (EDM's CIFAR-10 setting), batch 64, no guidance. */
    public static SamplingOptions defaults() {
        return new SamplingOptions(SamplerSettings.deterministic(18), 64, 1);
    }
}
