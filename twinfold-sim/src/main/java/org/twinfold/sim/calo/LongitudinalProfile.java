package org.twinfold.sim.calo;

import java.util.SplittableRandom;

/**
 * GFlash longitudinal parametrisation for a sampling calorimeter (Grindhammer and Peters,
 * hep-ex/0001020, as implemented in Geant4's {@code GFlashSamplingShowerParameterisation}). The
 * energy profile is a gamma distribution in depth t (in X0): f(t) = (beta t)^(alpha-1) beta
 * exp(-beta t) / Gamma(alpha), with maximum T = (alpha - 1) / beta. Per shower, (ln T, ln alpha)
 * are drawn from a correlated bivariate normal whose means, widths and correlation depend on
 * y = E / E_c. Geant4's clamps apply: both widths at most 0.5, T at least 1 and alpha at least 1.1.
 *
 * <p>The spot profile (where energy spots are placed in depth) uses the average homogeneous T and
 * alpha with GFlash's fixed spot factors and no per-shower fluctuation.
 */
final class LongitudinalProfile {
    private final double meanLnT;
    private final double sigmaLnT;
    private final double meanLnAlpha;
    private final double sigmaLnAlpha;
    private final double correlation;
    private final double spotAlpha;
    private final double spotBeta;

    /**
     * Computes the parameters for one incident energy.
     *
     * @param energyMeV incident energy in MeV; y = E / E_c must exceed about 3 for the means to exist
     */
    LongitudinalProfile(double energyMeV, SamplingStack stack) {
        double z = stack.effectiveZ();
        double lnY = StrictMath.log(energyMeV / stack.criticalEnergyMeV());
        double fs = stack.samplingFrequency();
        double lackOfE = 1 - stack.electronToMip();

        double meanTHomogeneous = lnY - 0.812;
        double meanAlphaHomogeneous = 0.81 + (0.458 + 2.26 / z) * lnY;
        double meanT = meanTHomogeneous - 0.55 / fs - 0.69 * lackOfE;
        double meanAlpha = meanAlphaHomogeneous - 0.476 / fs;
        if (!(meanT > 0) || !(meanAlpha > 0)) {
            throw new IllegalArgumentException("incident energy " + energyMeV + " MeV is too low for the GFlash "
                    + "parametrisation (average T " + meanT + " X0, average alpha " + meanAlpha + "); use a higher "
                    + "energy, since GFlash was fitted from about 1 GeV up");
        }
        this.meanLnT = StrictMath.log(meanT);
        this.meanLnAlpha = StrictMath.log(meanAlpha);
        this.sigmaLnT = clampSigma(1 / (-2.5 + 1.25 * lnY));
        this.sigmaLnAlpha = clampSigma(1 / (-0.82 + 0.79 * lnY));
        this.correlation = Math.max(-1, Math.min(1, 0.784 - 0.023 * lnY));

        // Spot profile: homogeneous averages times GFlash's homogeneous and sampling spot factors.
        double tHomogeneous = lnY - 0.858;
        double alphaHomogeneous = 0.21 + (0.492 + 2.38 / z) * lnY;
        double spotT = Math.max(0.1, tHomogeneous * (0.698 + 0.00212 * z) * (0.813 + 0.0019 * z));
        this.spotAlpha = Math.max(1.1, alphaHomogeneous * (0.639 + 0.00334 * z) * (0.844 + 0.0026 * z));
        this.spotBeta = (spotAlpha - 1) / spotT;
    }

    // Geant4 caps both widths at 0.5; a negative width (very low y) is also capped.
    private static double clampSigma(double sigma) {
        return sigma > 0 ? Math.min(sigma, 0.5) : 0.5;
    }

    /** Returns exp of the mean of ln alpha, the "average alpha" that Geant4 uses to scale the depth tau. */
    double averageAlpha() {
        return StrictMath.exp(meanLnAlpha);
    }

    double spotAlpha() {
        return spotAlpha;
    }

    double spotBeta() {
        return spotBeta;
    }

    /**
     * Draws one shower's (T, alpha) as Geant4's {@code GenerateEnergyProfile} does, with
     * a = sqrt((1 + rho) / 2) and b = sqrt((1 - rho) / 2) mixing two standard normals.
     *
     * @return {alpha, beta}, with beta in 1/X0
     */
    double[] draw(SplittableRandom random) {
        double z1 = random.nextGaussian();
        double z2 = random.nextGaussian();
        double a = Math.sqrt((1 + correlation) / 2);
        double b = Math.sqrt((1 - correlation) / 2);
        double t = Math.max(1.0, StrictMath.exp(meanLnT + sigmaLnT * (a * z1 + b * z2)));
        double alpha = Math.max(1.1, StrictMath.exp(meanLnAlpha + sigmaLnAlpha * (a * z1 - b * z2)));
        return new double[] {alpha, (alpha - 1) / t};
    }
}
