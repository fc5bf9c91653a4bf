package org.twinfold.sim.calo;

/**
 * GFlash radial profile for a sampling calorimeter (Grindhammer and Peters, hep-ex/0001020): a
 * mixture of a core and a tail, f(r) = p 2r R_C^2 / (r^2 + R_C^2)^2 + (1 - p) 2r R_T^2 / (r^2 + R_T^2)^2,
 * with r in Moliere radii. Each term's CDF is r^2 / (r^2 + R^2). R_C, R_T and p depend on the
 * incident energy (in GeV inside the logarithms) and on the scaled depth tau, with GFlash's sampling
 * corrections in (1 - e/mip) and 1 / F_s. The tail slope k4 uses 0.0421 ln E (the published value;
 * the Geant4 header has 0.0412).
 */
final class RadialProfile {
    /** Smallest radius parameter in R_M, so that a profile far outside its fitted range stays valid. */
    private static final double MIN_RADIUS = 1e-3;

    private final double z1;
    private final double z2;
    private final double k1;
    private final double k4;
    private final double p1;
    private final double p2;
    private final double p3;
    private final double fs;
    private final double lackOfE;

    RadialProfile(double energyMeV, SamplingStack stack) {
        double z = stack.effectiveZ();
        double lnE = StrictMath.log(energyMeV / 1000.0);
        this.z1 = 0.0251 + 0.00319 * lnE;
        this.z2 = 0.1162 - 0.000381 * z;
        this.k1 = 0.659 - 0.00309 * z;
        this.k4 = 0.3585 + 0.0421 * lnE;
        this.p1 = 2.632 - 0.00094 * z;
        this.p2 = 0.401 + 0.00187 * z;
        this.p3 = 1.313 - 0.0686 * lnE;
        this.fs = stack.samplingFrequency();
        this.lackOfE = 1 - stack.electronToMip();
    }

    /** Returns the core radius R_C at scaled depth tau, in Moliere radii. */
    double coreRadius(double tau) {
        double homogeneous = z1 + z2 * tau;
        return Math.max(MIN_RADIUS, homogeneous - 0.0203 * lackOfE + 0.0397 * StrictMath.exp(-tau) / fs);
    }

    /** Returns the tail radius R_T at scaled depth tau, in Moliere radii. */
    double tailRadius(double tau) {
        final double k2 = 0.645;
        final double k3 = -2.59;
        double homogeneous = k1 * (StrictMath.exp(k3 * (tau - k2)) + StrictMath.exp(k4 * (tau - k2)));
        return Math.max(MIN_RADIUS, homogeneous - 0.14 * lackOfE - 0.495 * StrictMath.exp(-tau) / fs);
    }

    /** Returns the core weight p at scaled depth tau, clamped to [0, 1]. */
    double coreWeight(double tau) {
        double x = (p2 - tau) / p3;
        double homogeneous = p1 * StrictMath.exp(x - StrictMath.exp(x));
        double corrected = homogeneous + lackOfE * (0.348 - 0.642 * StrictMath.exp(-(tau - 1) * (tau - 1)) / fs);
        return Math.max(0, Math.min(1, corrected));
    }

    /**
     * Returns the mixture CDF at each radius: F(r) = p r^2 / (r^2 + R_C^2) + (1 - p) r^2 / (r^2 + R_T^2).
     *
     * @param radiiInMoliere radii in Moliere radii
     */
    double[] cumulative(double tau, double[] radiiInMoliere) {
        double core = coreRadius(tau);
        double tail = tailRadius(tau);
        double p = coreWeight(tau);
        double[] result = new double[radiiInMoliere.length];
        for (int i = 0; i < result.length; i++) {
            double r2 = radiiInMoliere[i] * radiiInMoliere[i];
            result[i] = p * r2 / (r2 + core * core) + (1 - p) * r2 / (r2 + tail * tail);
        }
        return result;
    }
}
