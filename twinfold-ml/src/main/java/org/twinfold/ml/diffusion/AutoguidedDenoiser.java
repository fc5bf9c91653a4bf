package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * A denoiser guided by a weaker model of the same data, after Karras et al., "Guiding a Diffusion
 * Model with a Bad Version of Itself" (NeurIPS 2024, arXiv:2406.02507):
 * <pre>
 *   D_w(x; sigma | c) = D_guide(x; sigma | c) + w (D_main(x; sigma | c) - D_guide(x; sigma | c))
 * </pre>
 * Both models see the same condition. Where the guide errs more than the main model, the difference
 * points away from those errors, so w &gt; 1 removes what the weaker model gets wrong. Guidance by the
 * unconditional model instead pushes every sample towards the most typical one of its class. Outside
 * the guidance interval of {@link SamplingOptions} the main model acts alone.
 *
 * <p>A self-conditioned guide keeps its own previous estimate, which only its calls update. Where the
 * interval starts below the highest noise level, the guide's first call gets zeros, as half of its
 * training steps did.
 */
final class AutoguidedDenoiser implements Denoiser {
    private final Denoiser main;
    private final Denoiser guide;
    private final SamplingOptions options;

    AutoguidedDenoiser(Denoiser main, Denoiser guide, SamplingOptions options) {
        this.main = main;
        this.guide = guide;
        this.options = options;
    }

    @Override
    public NDArray denoise(NDArray x, double sigma) {
        NDArray denoised = main.denoise(x, sigma);
        if (!options.guidedAt(sigma)) {
            return denoised;
        }
        NDArray weak = guide.denoise(x, sigma);
        return weak.add(denoised.sub(weak).muli(options.guidanceScale()));
    }
}
