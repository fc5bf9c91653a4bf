package org.twinfold.sim.calo;

/**
 * Calibration of the shower Monte Carlo: how much of the incident energy is seen, how it fluctuates,
 * and the readout's scale and threshold.
 *
 * <p>Defaults, and why:
 * <ul>
 *   <li>Sampling fraction 0.033, the factor by which the challenge divides the silicon deposit. The
 *       challenge chose it so that dataset energies sum to about the incident energy, so it is taken
 *       as this stack's electromagnetic sampling fraction. Mean E_tot / E_inc is then 1 minus the
 *       leakage, about 0.95 (see BENCHMARKS.md for the measured ratio).
 *   <li>Stochastic term 0.12 / sqrt(E / GeV). Sampling fluctuations for 0.3 mm Si behind 1.4 mm W are
 *       estimated as 2.7% sqrt(d_Si / f_mip) = 7.8% (d in mm, f_mip 0.036); thin silicon adds Landau
 *       fluctuations, and the CALICE Si-W prototype (0.5 mm Si, 1.4 to 4.2 mm W) measured 16.6%.
 *       0.12 lies between the two. It also sets the spot count N = (10.3 / 0.12) (E / GeV)^0.959.
 *   <li>Constant term 0.01, the order of the CALICE prototype's 1.1%.
 * </ul>
 * NOTE: no Dataset 2 file was at hand to fit these; the values are estimates, not a fit.
 *
 * @param samplingFraction e.m. sampling fraction: silicon deposit over incident energy, before leakage
 * @param challengeScale the divisor that turns a silicon deposit into dataset units (0.033)
 * @param stochasticTerm a in sigma / E = a / sqrt(E / GeV), applied per layer as a gamma fluctuation
 * @param constantTerm b, a shower-wide Gaussian scale fluctuation of relative width b
 * @param thresholdMeV voxels below this value, in dataset units, are set to 0 (0.01515 = 0.5 keV / 0.033)
 */
public record ShowerSettings(double samplingFraction, double challengeScale, double stochasticTerm,
                             double constantTerm, double thresholdMeV) {

    /** Challenge's divisor from silicon deposit to dataset units. */
    public static final double CHALLENGE_SCALE = 0.033;
    /** Challenge's voxel threshold in dataset units, MeV: 0.5 keV in silicon divided by 0.033. */
    public static final double CHALLENGE_THRESHOLD_MEV = 0.01515;

    public ShowerSettings {
        if (!(samplingFraction > 0 && samplingFraction <= 1)) {
            throw new IllegalArgumentException("sampling fraction is " + samplingFraction + "; it must be in (0, 1]");
        }
        if (!(challengeScale > 0 && challengeScale <= 1)) {
            throw new IllegalArgumentException("challenge scale is " + challengeScale + "; it must be in (0, 1]");
        }
        if (!(stochasticTerm > 0 && stochasticTerm < 10)) {
            throw new IllegalArgumentException("stochastic term is " + stochasticTerm + "; it must be in (0, 10), "
                    + "for example 0.12 for 12% / sqrt(E / GeV)");
        }
        if (!(constantTerm >= 0 && constantTerm < 1)) {
            throw new IllegalArgumentException("constant term is " + constantTerm + "; it must be in [0, 1)");
        }
        if (!(thresholdMeV >= 0) || !Double.isFinite(thresholdMeV)) {
            throw new IllegalArgumentException("threshold is " + thresholdMeV + " MeV; it must be finite and at least 0");
        }
    }

    /** Returns the defaults described above. */
    public static ShowerSettings defaults() {
        return new ShowerSettings(0.033, CHALLENGE_SCALE, 0.12, 0.01, CHALLENGE_THRESHOLD_MEV);
    }

    /** Returns the expected visible energy in dataset units per MeV of incident energy. */
    double visibleRatio() {
        return samplingFraction / challengeScale;
    }
}
