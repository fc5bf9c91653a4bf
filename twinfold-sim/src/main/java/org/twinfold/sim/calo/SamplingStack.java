package org.twinfold.sim.calo;

/**
 * Effective material constants of a sampling calorimeter, as GFlash uses them (Grindhammer and Peters,
 * hep-ex/0001020). Lengths are in mm and energies in MeV.
 *
 * @param effectiveZ mass-fraction weighted atomic number
 * @param radiationLengthMm effective radiation length X0
 * @param moliereRadiusMm effective Moliere radius R_M
 * @param criticalEnergyMeV effective critical energy E_c
 * @param samplingFrequency F_s = X0 / (passive + active thickness of one sampling layer)
 * @param electronToMip e/mip ratio, GFlash's estimate 1 / (1 + 0.007 (Z_passive - Z_active))
 */
public record SamplingStack(double effectiveZ, double radiationLengthMm, double moliereRadiusMm,
                            double criticalEnergyMeV, double samplingFrequency, double electronToMip) {

    public SamplingStack {
        double[] values = {effectiveZ, radiationLengthMm, moliereRadiusMm, criticalEnergyMeV, samplingFrequency,
            electronToMip};
        for (double value : values) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("sampling stack constants must be finite and positive, got "
                        + this);
            }
        }
    }

    /**
     * Returns the CaloChallenge Dataset 2 stack: 1.4 mm tungsten plus 0.3 mm silicon per layer
     * (Geant4 example Par04). Values follow the Geant4 mass-fraction mixing rules with X0 in g/cm^2:
     * Z_eff 72.49, X0 4.219 mm, R_M 10.87 mm, E_c 8.23 MeV, F_s 2.482, e/mip 0.704.
     */
    public static SamplingStack dataset2() {
        return new SamplingStack(72.49, 4.219, 10.87, 8.23, 2.482, 0.704);
    }
}
