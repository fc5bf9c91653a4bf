package org.twinfold.sim.cpm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.Generator;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.Parameter;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.ParameterSpace;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;

/**
 * The CompuCell3D vasculogenesis model of Comlekoglu et al. (preset 1 of {@link CpmPresets}) as a
 * {@link Generator}: each sample is one independent run from random 5 x 5 cells, seeded only by its
 * seed, and returns the configuration after {@code mcs} Monte Carlo steps.
 *
 * <p>Parameters: {@code J_EC_medium} in [0, 20] (energy units) and {@code vegf_decay} in [0.05, 0.6]
 * per MCS. The 25 classes of the diffusion surrogate are the grid J in {0, 5, 10, 15, 20} x decay in
 * {0.05, 0.1875, 0.325, 0.4625, 0.6}, with label {@code 5 i_J + i_decay}.
 *
 * <p>Thread-safe: a call shares no mutable state with other calls, so a sweep may call it from many
 * threads; a sample depends on its point and seed only.
 */
public final class CpmGenerator implements Generator {
    /** Generator id recorded in manifests. */
    public static final String ID = "cpm-vasculogenesis";
    /** Version of the algorithm; change it whenever the output for a seed changes. */
    public static final String VERSION = "1";

    /** Field of the cell-type snapshots, present when the settings ask for them. */
    public static final String SNAPSHOTS = "cell_type_snapshots";

    private static final Logger LOG = LoggerFactory.getLogger(CpmGenerator.class);

    private final Settings settings;
    private final Schema schema;
    private final ParameterSpace space;

    /**
     * Lattice size, run length and snapshots, the settings that decide cost and output size.
     *
     * @param width lattice extent in x, pixels; 256 in the published runs
     * @param height lattice extent in y, pixels; 256 in the published runs
     * @param mcs Monte Carlo steps per run; 20,000 in the published runs
     * @param snapshotEvery when present, K: the cell-type mask is also saved after K, 2K, ... MCS, in
     *     the field {@code cell_type_snapshots} of shape [mcs / K, height, width]
     */
    public record Settings(int width, int height, int mcs, OptionalInt snapshotEvery) {
        public Settings {
            if (width < 8 || height < 8 || mcs < 0) {
                throw new IllegalArgumentException("CPM generator settings " + width + " x " + height + ", " + mcs
                        + " MCS are invalid; the lattice needs at least 8 x 8 pixels and mcs must be >= 0");
            }
            if (snapshotEvery.isPresent() && (snapshotEvery.getAsInt() < 1 || snapshotEvery.getAsInt() > mcs)) {
                throw new IllegalArgumentException("snapshot interval is " + snapshotEvery.getAsInt() + " MCS; it must "
                        + "be between 1 and the run length of " + mcs + " MCS");
            }
        }

        /** Settings that save only the final configuration. */
        public Settings(int width, int height, int mcs) {
            this(width, height, mcs, OptionalInt.empty());
        }

        /** Returns the number of saved snapshots, 0 without snapshots. */
        public int snapshotCount() {
            return snapshotEvery.isPresent() ? mcs / snapshotEvery.getAsInt() : 0;
        }
    }

    public CpmGenerator(Settings settings) {
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
        int width = settings.width();
        int height = settings.height();
        List<Field> fields = new ArrayList<>(List.of(
                new Field("cell_type", List.of(height, width), ElementType.UINT8, "1",
                        "cell type per pixel: 0 medium, 1 endothelial cell"),
                new Field("cell_id", List.of(height, width), ElementType.INT32, "1",
                        "cell id per pixel, 0 for medium"),
                new Field("vegf", List.of(height, width), ElementType.FLOAT32, "concentration",
                        "VEGF concentration per pixel, in the model's concentration units")));
        if (settings.snapshotCount() > 0) {
            fields.add(new Field(SNAPSHOTS, List.of(settings.snapshotCount(), height, width), ElementType.UINT8, "1",
                    "cell type per pixel after every " + settings.snapshotEvery().getAsInt() + " MCS"));
        }
        this.schema = new Schema(fields);
        this.space = ParameterSpace.of(
                new Parameter("J_EC_medium", 0, 20, "energy",
                        "contact energy between an endothelial cell and medium, in units of the temperature scale"),
                new Parameter("vegf_decay", 0.05, 0.6, "1/MCS", "VEGF decay rate in medium"))
                .withClasses(classPoints());
    }

    /** Returns the 25 class points, label 5 i_J + i_decay. */
    static List<ParameterPoint> classPoints() {
        List<ParameterPoint> points = new ArrayList<>();
        double[] contacts = CpmPresets.CLASS_CONTACT_ENERGIES;
        double[] decays = CpmPresets.CLASS_DECAY_RATES;
        for (int j = 0; j < contacts.length; j++) {
            for (int d = 0; d < decays.length; d++) {
                points.add(ParameterPoint.ofClass(decays.length * j + d, contacts[j], decays[d]));
            }
        }
        return points;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public GeneratorInfo info() {
        CpmPreset preset = preset(ParameterPoint.of(8.2, 0.6));
        InitialLayout.RandomSquares layout = (InitialLayout.RandomSquares) preset.layout();
        return new GeneratorInfo(ID, VERSION, Map.of(
                "width", Integer.toString(settings.width()),
                "height", Integer.toString(settings.height()),
                "mcs", Integer.toString(settings.mcs()),
                "snapshot_every_mcs", settings.snapshotEvery().isPresent()
                        ? Integer.toString(settings.snapshotEvery().getAsInt()) : "none",
                "cells", Integer.toString(layout.count()),
                "initial_cell_side", Integer.toString(layout.side()),
                "preset", "comlekoglu",
                "mcs_convention", "width*height copy attempts per MCS"));
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
            throw new IllegalArgumentException("got " + points.size() + " points but " + seeds.length
                    + " seeds; pass one seed per point");
        }
        int sites = settings.width() * settings.height();
        byte[] types = new byte[points.size() * sites];
        int[] ids = new int[points.size() * sites];
        float[] vegf = new float[points.size() * sites];
        int snapshotCount = settings.snapshotCount();
        byte[] snapshots = new byte[points.size() * snapshotCount * sites];

        for (int i = 0; i < points.size(); i++) {
            ParameterPoint point = points.get(i);
            space.validate(point);
            long start = System.nanoTime();
            CpmSimulation simulation = preset(point).start(seeds[i]);
            if (snapshotCount > 0) {
                int[] saved = {0};
                int offset = i * snapshotCount * sites;
                simulation.run(settings.mcs(), settings.snapshotEvery().getAsInt(), snapshot -> {
                    if (saved[0] < snapshotCount) {
                        System.arraycopy(snapshot.cellType(), 0, snapshots, offset + saved[0] * sites, sites);
                        saved[0]++;
                    }
                });
            } else {
                simulation.run(settings.mcs());
            }
            CpmSnapshot snapshot = simulation.snapshot();
            System.arraycopy(snapshot.cellType(), 0, types, i * sites, sites);
            System.arraycopy(snapshot.cellId(), 0, ids, i * sites, sites);
            System.arraycopy(snapshot.vegf(), 0, vegf, i * sites, sites);
            LOG.debug("CPM run {} with seed {}: {} MCS in {} ms", point, seeds[i], settings.mcs(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        SampleBatch.Builder batch = SampleBatch.builder(schema, points.size())
                .put("cell_type", types)
                .put("cell_id", ids)
                .put("vegf", vegf);
        if (snapshotCount > 0) {
            batch.put(SNAPSHOTS, snapshots);
        }
        return batch.build();
    }

    private CpmPreset preset(ParameterPoint point) {
        return CpmPresets.comlekogluRun(point.value(0), point.value(1), settings.width(), settings.height(),
                settings.mcs());
    }
}
