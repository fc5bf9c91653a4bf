package org.twinfold.sim.calo;

/**
 * The CaloChallenge high-level features of one shower, per layer l. Energies are in MeV and
 * positions in mm; eta = r cos(alpha) and phi = r sin(alpha) from the bin centres. Centres and
 * widths are energy-weighted over the layer's voxels, with widths sqrt(<x^2> - <x>^2) clipped at 0.
 * A layer without energy has centres and widths 0.
 *
 * @param incidentEnergy E_inc, MeV
 * @param totalEnergy E_tot, the sum of all voxels, MeV
 * @param layerEnergy E_layer[l], MeV
 * @param centreEta EC_eta[l], mm
 * @param centrePhi EC_phi[l], mm
 * @param widthEta width_eta[l], mm
 * @param widthPhi width_phi[l], mm
 * @param centreR EC_r[l], mm
 * @param widthR width_r[l], mm
 * @param sparsity sparsity[l]: 1 minus the fraction of the layer's voxels above 0 after the threshold
 */
public record ShowerFeatures(double incidentEnergy, double totalEnergy, double[] layerEnergy, double[] centreEta,
                             double[] centrePhi, double[] widthEta, double[] widthPhi, double[] centreR,
                             double[] widthR, double[] sparsity) {

    /** Returns the number of values of {@link #clsHigh()} for a geometry of {@code layers} layers: 2 + 8 layers. */
    public static int clsHighLength(int layers) {
        return 2 + 8 * layers;
    }

    /** Returns E_tot / E_inc. */
    public double energyRatio() {
        return totalEnergy / incidentEnergy;
    }

    public int layers() {
        return layerEnergy.length;
    }

    /**
     * Returns the challenge's "cls-high" classifier input (362 values for 45 layers) in the order of
     * the challenge's evaluate.py. The blocks are log10 E_inc, then log10(E_layer + 1e-8) per layer,
     * then EC_eta, EC_phi, width_eta and width_phi per layer divided by 100, then log10(E_tot + 1e-8),
     * then sparsity per layer, and last EC_r and width_r per layer divided by 100.
     */
    public double[] clsHigh() {
        int layers = layers();
        double[] values = new double[clsHighLength(layers)];
        int k = 0;
        values[k++] = Math.log10(incidentEnergy);
        for (int l = 0; l < layers; l++) {
            values[k++] = Math.log10(layerEnergy[l] + 1e-8);
        }
        for (double[] block : new double[][] {centreEta, centrePhi, widthEta, widthPhi}) {
            for (int l = 0; l < layers; l++) {
                values[k++] = block[l] / 100;
            }
        }
        values[k++] = Math.log10(totalEnergy + 1e-8);
        for (int l = 0; l < layers; l++) {
            values[k++] = sparsity[l];
        }
        for (double[] block : new double[][] {centreR, widthR}) {
            for (int l = 0; l < layers; l++) {
                values[k++] = block[l] / 100;
            }
        }
        return values;
    }
}
