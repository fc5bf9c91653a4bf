package org.twinfold.ml.diffusion;

import java.util.random.RandomGenerator;

/**
 * The training distribution of noise levels in EDM: ln(sigma) ~ N(P_mean, P_std^2). EDM's defaults
 * are P_mean = -1.2 and P_std = 1.2; the published CPM surrogate used P_mean = 0.533 and
 * P_std = 2.333 (with EDM2).
 *
 * @param pMean mean of ln(sigma)
 * @param pStd standard deviation of ln(sigma), positive
 */
public record NoiseLevels(double pMean, double pStd) {

    public NoiseLevels {
        if (!Double.isFinite(pMean) || !(pStd > 0) || !Double.isFinite(pStd)) {
            throw new IllegalArgumentException("P_mean " + pMean + " and P_std " + pStd
                    + " are invalid; P_mean must be finite and P_std positive, e.g. -1.2 and 1.2");
        }
    }

    /** Returns EDM's defaults, P_mean -1.2 and P_std 1.2. */
    public static NoiseLevels edm() {
        return new NoiseLevels(-1.2, 1.2);
    }

    /** Draws one noise level. */
    public double draw(RandomGenerator random) {
        return Math.exp(pMean + pStd * random.nextGaussian());
    }
}
