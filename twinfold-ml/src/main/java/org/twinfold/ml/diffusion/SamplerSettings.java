package org.twinfold.ml.diffusion;

/**
 * Settings of the {@link HeunSampler} (EDM, Karras et al. 2022, algorithms 1 and 2).
 *
 * <p>Noise levels: for i = 0..N-1,
 * t_i = (sigma_max^(1/rho) + i / (N - 1) (sigma_min^(1/rho) - sigma_max^(1/rho)))^rho, and t_N = 0.
 * With {@code sChurn} = 0 the sampler is deterministic given the initial noise; with sChurn &gt; 0,
 * steps with t_i in [sTmin, sTmax] first raise the noise level by the factor
 * 1 + min(sChurn / N, sqrt(2) - 1), adding fresh noise scaled by {@code sNoise}.
 *
 * @param steps N, at least 2; Heun uses 2N - 1 network evaluations
 * @param sigmaMin smallest nonzero noise level, positive (EDM: 0.002)
 * @param sigmaMax largest noise level, above sigmaMin (EDM: 80)
 * @param rho schedule exponent, positive (EDM: 7)
 * @param sChurn stochasticity, 0 or more
 * @param sTmin lower noise level of the churn window, 0 or more
 * @param sTmax upper noise level of the churn window, at least sTmin
 * @param sNoise scale of the churn noise, positive (slightly above 1 offsets detail loss)
 */
public record SamplerSettings(int steps, double sigmaMin, double sigmaMax, double rho, double sChurn, double sTmin,
                              double sTmax, double sNoise) {

    public SamplerSettings {
        if (steps < 2) {
            throw new IllegalArgumentException("sampler steps is " + steps + "; it must be at least 2, e.g. 18");
        }
        if (!(sigmaMin > 0) || !(sigmaMax > sigmaMin) || !Double.isFinite(sigmaMax) || !(rho > 0)) {
            throw new IllegalArgumentException("sigma_min " + sigmaMin + ", sigma_max " + sigmaMax + " and rho " + rho
                    + " are invalid; need 0 < sigma_min < sigma_max (finite) and rho > 0, e.g. 0.002, 80, 7");
        }
        if (!(sChurn >= 0) || !(sTmin >= 0) || !(sTmax >= sTmin) || !(sNoise > 0)) {
            throw new IllegalArgumentException("S_churn " + sChurn + ", S_tmin " + sTmin + ", S_tmax " + sTmax
                    + " and S_noise " + sNoise + " are invalid; need S_churn >= 0, 0 <= S_tmin <= S_tmax, S_noise > 0");
        }
    }

    /**
     * Returns the settings as the report and the dataset provenance print them, e.g. "Heun, 18 steps,
     * sigma 0.002 to 80, rho 7, S_churn 10 over sigma 0 to inf, S_noise 1".
     */
    @Override
    public String toString() {
        String upper = sTmax >= Double.MAX_VALUE ? "inf" : number(sTmax);
        return "Heun, " + steps + " steps, sigma " + number(sigmaMin) + " to " + number(sigmaMax) + ", rho "
                + number(rho) + ", S_churn " + number(sChurn) + " over sigma " + number(sTmin) + " to " + upper
                + ", S_noise " + number(sNoise);
    }

    /** Returns {@code value} without a trailing ".0". */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** Returns EDM's deterministic sampler with {@code steps} steps: sigma 0.002 to 80, rho 7, no churn. */
    public static SamplerSettings deterministic(int steps) {
        return new SamplerSettings(steps, 0.002, 80, 7, 0, 0, Double.MAX_VALUE, 1);
    }

    /** Returns a copy with churn {@code sChurn} over the whole schedule and noise scale {@code sNoise}. */
    public SamplerSettings withChurn(double churn, double noise) {
        return new SamplerSettings(steps, sigmaMin, sigmaMax, rho, churn, sTmin, sTmax, noise);
    }

    /** Returns a copy with another noise range. */
    public SamplerSettings withSigmas(double min, double max) {
        return new SamplerSettings(steps, min, max, rho, sChurn, sTmin, sTmax, sNoise);
    }

    /** Returns the N + 1 noise levels t_0 = sigma_max &gt; ... &gt; t_{N-1} = sigma_min &gt; t_N = 0. */
    public double[] noiseLevels() {
        double[] t = new double[steps + 1];
        double high = Math.pow(sigmaMax, 1 / rho);
        double low = Math.pow(sigmaMin, 1 / rho);
        for (int i = 0; i < steps; i++) {
            t[i] = Math.pow(high + (double) i / (steps - 1) * (low - high), rho);
        }
        t[steps] = 0;
        return t;
    }

    /** Returns gamma_i, the relative noise increase of step i at level t_i. */
    public double churnAt(double t) {
        if (sChurn == 0 || t < sTmin || t > sTmax) {
            return 0;
        }
        return Math.min(sChurn / steps, Math.sqrt(2) - 1);
    }
}
