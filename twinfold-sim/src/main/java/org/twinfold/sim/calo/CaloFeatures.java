package org.twinfold.sim.calo;

/**
 * Computes the CaloChallenge high-level features ({@link ShowerFeatures}) of showers in a geometry.
 * Voxels below the threshold count as 0 for every feature, as the challenge's evaluation cuts both
 * files at 15.15 keV before computing them. Energy-weighted means divide by (E_layer + 1e-16), as
 * the challenge's code does, so an empty layer gives 0. Thread-safe.
 */
public final class CaloFeatures {
    private static final double EMPTY_GUARD = 1e-16;

    private final CalorimeterGeometry geometry;
    private final double thresholdMeV;
    private final int[] offsets;
    private final double[][] eta;
    private final double[][] phi;
    private final double[][] radius;

    /**
     * @param thresholdMeV voxels below this value count as 0; the challenge uses 0.01515
     */
    public CaloFeatures(CalorimeterGeometry geometry, double thresholdMeV) {
        if (!(thresholdMeV >= 0) || !Double.isFinite(thresholdMeV)) {
            throw new IllegalArgumentException("threshold is " + thresholdMeV + " MeV; it must be finite and at least 0");
        }
        this.geometry = geometry;
        this.thresholdMeV = thresholdMeV;
        int layers = geometry.layerCount();
        this.offsets = new int[layers];
        this.eta = new double[layers][];
        this.phi = new double[layers][];
        this.radius = new double[layers][];
        for (int l = 0; l < layers; l++) {
            CalorimeterLayer layer = geometry.layer(l);
            offsets[l] = geometry.layerOffset(l);
            double[] radii = layer.radialCentresMm();
            double[] angles = layer.angularCentres();
            int bins = layer.radialBins();
            eta[l] = new double[layer.voxels()];
            phi[l] = new double[layer.voxels()];
            radius[l] = new double[layer.voxels()];
            for (int a = 0; a < angles.length; a++) {
                for (int r = 0; r < bins; r++) {
                    eta[l][a * bins + r] = radii[r] * Math.cos(angles[a]);
                    phi[l][a * bins + r] = radii[r] * Math.sin(angles[a]);
                    radius[l][a * bins + r] = radii[r];
                }
            }
        }
    }

    /** Returns the features for Dataset 2 with the challenge's 15.15 keV threshold. */
    public static CaloFeatures dataset2() {
        return new CaloFeatures(CalorimeterGeometry.dataset2(), ShowerSettings.CHALLENGE_THRESHOLD_MEV);
    }

    public CalorimeterGeometry geometry() {
        return geometry;
    }

    /**
     * Computes the features of shower {@code index} of a flat (N, voxels) array.
     *
     * @param incidentEnergyMeV the shower's incident energy in MeV
     */
    public ShowerFeatures compute(float[] showers, int index, double incidentEnergyMeV) {
        int voxels = geometry.voxelCount();
        if ((long) (index + 1) * voxels > showers.length || index < 0) {
            throw new IllegalArgumentException("shower " + index + " is outside an array of " + showers.length
                    + " values (" + voxels + " per shower)");
        }
        int layers = geometry.layerCount();
        double[] layerEnergy = new double[layers];
        double[] centreEta = new double[layers];
        double[] centrePhi = new double[layers];
        double[] widthEta = new double[layers];
        double[] widthPhi = new double[layers];
        double[] centreR = new double[layers];
        double[] widthR = new double[layers];
        double[] sparsity = new double[layers];
        double total = 0;

        int base = index * voxels;
        for (int l = 0; l < layers; l++) {
            int start = base + offsets[l];
            int cells = eta[l].length;
            double sum = 0;
            double sumEta = 0;
            double sumEta2 = 0;
            double sumPhi = 0;
            double sumPhi2 = 0;
            double sumR = 0;
            double sumR2 = 0;
            int occupied = 0;
            for (int v = 0; v < cells; v++) {
                double e = showers[start + v];
                if (e < thresholdMeV) {
                    continue;
                }
                if (e > 0) {
                    occupied++;
                }
                sum += e;
                sumEta += e * eta[l][v];
                sumEta2 += e * eta[l][v] * eta[l][v];
                sumPhi += e * phi[l][v];
                sumPhi2 += e * phi[l][v] * phi[l][v];
                sumR += e * radius[l][v];
                sumR2 += e * radius[l][v] * radius[l][v];
            }
            double norm = sum + EMPTY_GUARD;
            layerEnergy[l] = sum;
            centreEta[l] = sumEta / norm;
            centrePhi[l] = sumPhi / norm;
            centreR[l] = sumR / norm;
            widthEta[l] = Math.sqrt(Math.max(0, sumEta2 / norm - centreEta[l] * centreEta[l]));
            widthPhi[l] = Math.sqrt(Math.max(0, sumPhi2 / norm - centrePhi[l] * centrePhi[l]));
            widthR[l] = Math.sqrt(Math.max(0, sumR2 / norm - centreR[l] * centreR[l]));
            sparsity[l] = cells == 0 ? 1 : 1 - occupied / (double) cells;
            total += sum;
        }
        return new ShowerFeatures(incidentEnergyMeV, total, layerEnergy, centreEta, centrePhi, widthEta, widthPhi,
                centreR, widthR, sparsity);
    }

    /** Returns the "cls-high" vectors of every shower, one row per shower. */
    public double[][] clsHigh(float[] showers, double[] incidentEnergiesMeV) {
        double[][] rows = new double[incidentEnergiesMeV.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = compute(showers, i, incidentEnergiesMeV[i]).clsHigh();
        }
        return rows;
    }
}
