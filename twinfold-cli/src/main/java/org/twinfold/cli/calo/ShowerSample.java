package org.twinfold.cli.calo;

import java.util.List;
import org.twinfold.core.Field;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.sim.calo.CaloFeatures;
import org.twinfold.sim.calo.CaloShowerGenerator;
import org.twinfold.sim.calo.IncidentEnergies;
import org.twinfold.sim.calo.ShowerFeatures;

/**
 * The showers of one calorimeter dataset with their incident energies and high-level features.
 *
 * @param incidentEnergiesMeV E_inc of each shower, MeV
 * @param showers flat (N, voxels) voxel energies in MeV, as stored
 * @param voxels voxels per shower
 * @param features the challenge's high-level features of each shower, after the 15.15 keV threshold
 */
record ShowerSample(double[] incidentEnergiesMeV, float[] showers, int voxels, ShowerFeatures[] features) {
    /** Largest magnitude of a cls-high value that counts as a rounding residue of 0. */
    static final double ROUNDING_RESIDUE = 1e-6;

    /** Reads every shower of a dataset of task {@code calorimeter} and computes its features. */
    static ShowerSample read(Dataset data, CaloFeatures calculator) {
        Field field = data.schema().fields().stream().filter(f -> f.name().equals(CaloShowerGenerator.SHOWERS))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("dataset " + data.folder()
                        + " has no field '" + CaloShowerGenerator.SHOWERS + "' (it has " + data.schema().names()
                        + "); give a dataset of task calorimeter"));
        int voxels = field.elementsPerSample();
        if (voxels != calculator.geometry().voxelCount()) {
            throw new IllegalArgumentException("dataset " + data.folder() + " has showers of " + voxels
                    + " voxels; the geometry has " + calculator.geometry().voxelCount());
        }
        int energyColumn = data.manifest().parameterSpace().indexOf(IncidentEnergies.PARAMETER);
        List<ParameterPoint> points = data.points();
        double[] energies = new double[points.size()];
        for (int i = 0; i < energies.length; i++) {
            energies[i] = points.get(i).value(energyColumn);
        }
        float[] showers = data.readAll().floats(CaloShowerGenerator.SHOWERS);
        return of(energies, showers, calculator);
    }

    /** Computes the features of flat (N, voxels) showers in the calculator's geometry. */
    static ShowerSample of(double[] incidentEnergiesMeV, float[] showers, CaloFeatures calculator) {
        int voxels = calculator.geometry().voxelCount();
        if ((long) incidentEnergiesMeV.length * voxels != showers.length) {
            throw new IllegalArgumentException(showers.length + " voxel values are not " + incidentEnergiesMeV.length
                    + " showers of " + voxels + " voxels");
        }
        ShowerFeatures[] features = new ShowerFeatures[incidentEnergiesMeV.length];
        for (int i = 0; i < features.length; i++) {
            features[i] = calculator.compute(showers, i, incidentEnergiesMeV[i]);
        }
        return new ShowerSample(incidentEnergiesMeV, showers, voxels, features);
    }

    int size() {
        return incidentEnergiesMeV.length;
    }

    int layers() {
        return features.length == 0 ? 0 : features[0].layers();
    }

    double[] energyRatios() {
        double[] ratios = new double[size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = features[i].energyRatio();
        }
        return ratios;
    }

    /** Returns one per-layer feature of every shower, shape (N, layers). */
    double[][] perLayer(LayerFeature feature) {
        double[][] rows = new double[size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = feature.of(features[i]);
        }
        return rows;
    }

    /** Returns column {@code layer} of {@link #perLayer}. */
    double[] layerValues(LayerFeature feature, int layer) {
        double[] values = new double[size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = feature.of(features[i])[layer];
        }
        return values;
    }

    /** Returns E_layer / E_inc of every shower, shape (N, layers). */
    double[][] layerEnergyFractions() {
        double[][] rows = new double[size()][];
        for (int i = 0; i < rows.length; i++) {
            double[] energies = features[i].layerEnergy();
            rows[i] = new double[energies.length];
            for (int l = 0; l < energies.length; l++) {
                rows[i][l] = energies[l] / incidentEnergiesMeV[i];
            }
        }
        return rows;
    }

    /**
     * Returns the challenge's "cls-high" inputs, shape (N, 2 + 8 layers), with values of magnitude
     * below {@value #ROUNDING_RESIDUE} set to 0.
     *
     * <p>A layer whose energy sits in one voxel has a width of sqrt(&lt;x^2&gt; - &lt;x&gt;^2) that
     * rounding leaves near 1e-8 mm instead of 0. Where every held-out shower has such a layer, the
     * scaling by the reference maximum of FPD and KPD would multiply the generated widths by about
     * 1e8, and the eigendecomposition of the Frechet distance then fails to converge. A cut at
     * 1e-6 (1e-4 mm for the centres and widths, which enter divided by 100) removes these residues.
     */
    double[][] clsHigh() {
        double[][] rows = new double[size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = features[i].clsHigh();
            for (int j = 0; j < rows[i].length; j++) {
                if (Math.abs(rows[i][j]) < ROUNDING_RESIDUE) {
                    rows[i][j] = 0;
                }
            }
        }
        return rows;
    }

    /**
     * Returns the challenge's "cls-low" inputs, shape (N, 1 + voxels): log10 E_inc, then every voxel
     * divided by E_inc, with voxels below {@code thresholdMeV} set to 0 first.
     */
    double[][] clsLow(double thresholdMeV) {
        double[][] rows = new double[size()][voxels + 1];
        for (int i = 0; i < rows.length; i++) {
            double energy = incidentEnergiesMeV[i];
            rows[i][0] = Math.log10(energy);
            int base = i * voxels;
            for (int v = 0; v < voxels; v++) {
                float e = showers[base + v];
                rows[i][v + 1] = e < thresholdMeV ? 0 : e / energy;
            }
        }
        return rows;
    }

    /** A per-layer array of {@link ShowerFeatures}. */
    enum LayerFeature {
        ENERGY, CENTRE_ETA, CENTRE_PHI, WIDTH_ETA, WIDTH_PHI, SPARSITY;

        double[] of(ShowerFeatures f) {
            return switch (this) {
                case ENERGY -> f.layerEnergy();
                case CENTRE_ETA -> f.centreEta();
                case CENTRE_PHI -> f.centrePhi();
                case WIDTH_ETA -> f.widthEta();
                case WIDTH_PHI -> f.widthPhi();
                case SPARSITY -> f.sparsity();
            };
        }
    }
}
