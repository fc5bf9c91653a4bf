package org.twinfold.sim.calo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.Generator;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.ParameterSpace;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;

/**
 * Electron showers in a voxelised calorimeter, by the GFlash-style Monte Carlo of
 * {@link ShowerSimulator}: a stand-in for the Geant4 showers of CaloChallenge 2022 Dataset 2, not
 * Geant4 itself. One sample is one shower:
 *
 * <ul>
 *   <li>{@code showers} float32 [voxels] in MeV (silicon deposit / 0.033), flat index
 *       {@code 144 * layer + 9 * angularBin + radialBin} for Dataset 2; voxels below the threshold are 0
 * </ul>
 *
 * <p>Parameter {@code incident_energy} in MeV. The seed alone fixes the shower, bit for bit
 * ({@link StrictMath} and Hipparchus' pure-Java special functions). Thread-safe.
 *
 * <p>Note: GFlash was tuned on homogeneous and lead/liquid-argon calorimeters. It has no transition
 * effects of thin silicon and no low-energy delta-ray tails. Spots of equal energy make the voxel
 * energy spectrum lumpier than Geant4's.
 */
public final class CaloShowerGenerator implements Generator {
    /** Name of the voxel field in every calorimeter schema and challenge file. */
    public static final String SHOWERS = "showers";

    private final ShowerSimulator simulator;
    private final IncidentEnergies energies;
    private final ParameterSpace space;
    private final Schema schema;

    private CaloShowerGenerator(Builder builder) {
        this.simulator = new ShowerSimulator(builder.geometry, builder.stack, builder.settings);
        this.energies = builder.energies;
        this.space = energies.parameterSpace();
        this.schema = schemaFor(builder.geometry);
    }

    /** Starts a generator with Dataset 2's geometry and stack, the default calibration and spectrum. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the schema of showers in a geometry: {@code showers} float32 [voxels] in MeV. */
    public static Schema schemaFor(CalorimeterGeometry geometry) {
        return Schema.of(new Field(SHOWERS, List.of(geometry.voxelCount()), ElementType.FLOAT32, "MeV",
                "energy per voxel (silicon deposit / 0.033), flat (layer, angular bin, radial bin) order"));
    }

    public CalorimeterGeometry geometry() {
        return simulator.geometry();
    }

    public IncidentEnergies incidentEnergies() {
        return energies;
    }

    @Override
    public GeneratorInfo info() {
        ShowerSettings settings = simulator.settings();
        CalorimeterGeometry geometry = simulator.geometry();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("geometry", geometry.particle() + ", " + geometry.layerCount() + " layers of "
                + geometry.layerDepthMm() + " mm, " + geometry.voxelCount() + " voxels");
        values.put("incidentEnergies", energies.toString());
        values.put("samplingFraction", Double.toString(settings.samplingFraction()));
        values.put("challengeScale", Double.toString(settings.challengeScale()));
        values.put("stochasticTerm", Double.toString(settings.stochasticTerm()));
        values.put("constantTerm", Double.toString(settings.constantTerm()));
        values.put("thresholdMeV", Double.toString(settings.thresholdMeV()));
        return new GeneratorInfo("calo-gflash", "1", values);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ParameterSpace parameterSpace() {
        return space;
    }

    @Override
    public SampleBatch generate(List<ParameterPoint> points, long[] seeds) {
        if (seeds.length != points.size()) {
            throw new IllegalArgumentException("got " + seeds.length + " seeds for " + points.size()
                    + " points; pass one seed per point");
        }
        int voxels = simulator.geometry().voxelCount();
        float[] showers = new float[points.size() * voxels];
        for (int i = 0; i < points.size(); i++) {
            space.validate(points.get(i));
            ShowerDeposit deposit = simulator.simulate(points.get(i).value(0), new SplittableRandom(seeds[i]));
            simulator.writeVoxels(deposit, showers, i * voxels);
        }
        return SampleBatch.builder(schema, points.size()).put(SHOWERS, showers).build();
    }

    /** Simulates one shower and returns its deposits before the threshold, for tests and diagnostics. */
    ShowerDeposit simulateDeposit(double energyMeV, long seed) {
        return simulator.simulate(energyMeV, new SplittableRandom(seed));
    }

    /** Settings of a {@link CaloShowerGenerator}; every setting has a Dataset 2 default. */
    public static final class Builder {
        private CalorimeterGeometry geometry = CalorimeterGeometry.dataset2();
        private SamplingStack stack = SamplingStack.dataset2();
        private ShowerSettings settings = ShowerSettings.defaults();
        private IncidentEnergies energies = IncidentEnergies.challenge();

        private Builder() {
        }

        /** Sets the voxel geometry (default: Dataset 2). */
        public Builder geometry(CalorimeterGeometry value) {
            this.geometry = Objects.requireNonNull(value, "geometry");
            return this;
        }

        /** Sets the effective material constants (default: Dataset 2's W/Si stack). */
        public Builder stack(SamplingStack value) {
            this.stack = Objects.requireNonNull(value, "stack");
            return this;
        }

        /** Sets the calibration: sampling fraction, resolution, scale and threshold. */
        public Builder settings(ShowerSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** Sets the incident energies (default: log-uniform 1 GeV to 1 TeV). */
        public Builder incidentEnergies(IncidentEnergies value) {
            this.energies = Objects.requireNonNull(value, "energies");
            return this;
        }

        public CaloShowerGenerator build() {
            return new CaloShowerGenerator(this);
        }
    }
}
