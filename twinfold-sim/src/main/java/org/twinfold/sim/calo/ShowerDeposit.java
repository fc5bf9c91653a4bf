package org.twinfold.sim.calo;

/**
 * Energy balance of one simulated shower before the readout threshold, in dataset units (MeV of
 * silicon deposit divided by the challenge's scale 0.033).
 *
 * @param voxelEnergies energy per voxel in flat geometry order, before the threshold
 * @param layerEnergies smeared energy assigned to each readout layer (voxels plus lateral leakage)
 * @param lateralLeakage energy of spots beyond the outer radial edge
 * @param longitudinalLeakage energy of the profile beyond the last layer
 * @param spots number of energy spots placed
 */
record ShowerDeposit(double[] voxelEnergies, double[] layerEnergies, double lateralLeakage,
                     double longitudinalLeakage, long spots) {

    /** Returns the sum of all voxel energies before the threshold. */
    double voxelSum() {
        double sum = 0;
        for (double value : voxelEnergies) {
            sum += value;
        }
        return sum;
    }

    /** Returns the visible energy: smeared layer energies plus the longitudinal leakage. */
    double visibleEnergy() {
        double sum = longitudinalLeakage;
        for (double value : layerEnergies) {
            sum += value;
        }
        return sum;
    }
}
