package org.twinfold.cli.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twinfold.ml.lstm.FrameFeatures;
import org.twinfold.sim.md.Container;
import org.twinfold.sim.md.Geometry;
import org.twinfold.sim.md.LennardJones;
import org.twinfold.sim.md.LennardJonesGenerator;
import org.twinfold.sim.md.PairAccelerations;

/**
 * Operator features of a Lennard-Jones frame ({@link TrajectoryFeatures} layout, positions first): the
 * acceleration a_i = F_i / m of every particle from the pair forces at the frame's positions, 3N values
 * in sigma / tau^2 in the order (ax0, ay0, az0, ax1, ...). The one parameter per trajectory is the mass.
 *
 * <p>With a_n in the window, the extrapolation correction {@code x_{n+1} - 2 x_n + x_{n-1}} is about
 * {@code a_n Delta_R^2} plus higher-order terms that the earlier accelerations inform, as in a
 * Stoermer-Cowell multistep method. The description saved in checkpoints contains the potential and the
 * container, so a loaded operator recomputes the same forces.
 *
 * <p>With a Verlet step of Delta_R, {@link #step} gives one velocity Verlet step of that size from the frame,
 * the base of {@link org.twinfold.ml.lstm.PredictionTarget#STEP_CORRECTION}.
 */
final class AccelerationFeatures implements FrameFeatures {
    /** Value of {@code kind} in the saved description. */
    static final String KIND = "lennard-jones-accelerations";
    /** Version of the saved description; readers reject newer ones. */
    static final int FORMAT_VERSION = 1;

    private final PairAccelerations accelerations;
    /** Delta_R of {@link #step}, in tau; null when the features offer no step. */
    private final Double verletStep;

    AccelerationFeatures(PairAccelerations accelerations, Double verletStep) {
        if (verletStep != null && !(verletStep > 0 && Double.isFinite(verletStep))) {
            throw new IllegalArgumentException("verletStep is " + verletStep + "; it must be finite and positive");
        }
        this.accelerations = accelerations;
        this.verletStep = verletStep;
    }

    /** Returns the features of the system that {@code simulator} simulates, without a step. */
    static AccelerationFeatures of(LennardJonesGenerator simulator) {
        return new AccelerationFeatures(PairAccelerations.of(simulator), null);
    }

    /** Returns the features of the system that {@code simulator} simulates, with a Verlet step of {@code deltaR} tau. */
    static AccelerationFeatures withVerletStep(LennardJonesGenerator simulator, double deltaR) {
        return new AccelerationFeatures(PairAccelerations.of(simulator), deltaR);
    }

    @Override
    public int size() {
        return 3 * accelerations.particles();
    }

    @Override
    public int parameterCount() {
        return 1;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", KIND);
        node.put("formatVersion", FORMAT_VERSION);
        node.put("particles", accelerations.particles());
        node.put("epsilon", accelerations.potential().epsilon());
        node.put("sigma", accelerations.potential().sigma());
        node.put("cutoff", accelerations.potential().cutoff());
        node.put("geometry", accelerations.container().geometry().shortName());
        node.put("containerSize", accelerations.container().size());
        node.put("parameters", "mass");
        if (verletStep != null) {
            node.put("verletStep", verletStep);
        }
        return node;
    }

    /**
     * Writes the accelerations of the frame's positions.
     *
     * @param frame (6N) positions then velocities
     * @param parameters {mass}
     */
    @Override
    public void compute(float[] frame, double[] parameters, float[] out, int offset) {
        if (frame.length != 2 * size()) {
            throw new IllegalArgumentException("frame has " + frame.length + " values; " + accelerations.particles()
                    + " particles need " + 2 * size() + " (positions then velocities)");
        }
        accelerations.compute(frame, parameters[0], out, offset);
    }

    @Override
    public boolean hasStep() {
        return verletStep != null;
    }

    /**
     * Writes one velocity Verlet step of Delta_R from the frame: x' = x + v h + a h^2 / 2, then
     * v' = v + (a + a(x')) h / 2, with h = Delta_R and a from the pair forces. Two force evaluations.
     */
    @Override
    public void step(float[] frame, double[] parameters, double[] out) {
        if (verletStep == null) {
            FrameFeatures.super.step(frame, parameters, out);
        }
        int values = size();
        double h = verletStep;
        float[] before = new float[values];
        compute(frame, parameters, before, 0);
        float[] moved = new float[2 * values];
        for (int k = 0; k < values; k++) {
            out[k] = frame[k] + frame[values + k] * h + 0.5 * before[k] * h * h;
            moved[k] = (float) out[k];
        }
        float[] after = new float[values];
        accelerations.compute(moved, parameters[0], after, 0);
        for (int k = 0; k < values; k++) {
            out[values + k] = frame[values + k] + 0.5 * (before[k] + after[k]) * h;
        }
    }

    /**
     * Checks that a saved feature description has the expected kind and a format version this code reads.
     *
     * @throws IllegalArgumentException for another kind or a newer version
     */
    static void requireFormat(JsonNode node, String kind, int newestVersion) {
        String saved = node.path("kind").asText();
        if (!kind.equals(saved)) {
            throw new IllegalArgumentException("unknown operator features '" + saved + "'; this version reads '" + kind
                    + "'");
        }
        int version = node.path("formatVersion").asInt(-1);
        if (version < 1 || version > newestVersion) {
            throw new IllegalArgumentException("operator features have format version " + version + "; this code reads"
                    + " 1 to " + newestVersion + ", so update twinfold to read them");
        }
    }

    /**
     * Rebuilds the features from the description that {@link #toJson()} wrote.
     *
     * @throws IllegalArgumentException for another kind, a newer version or a missing value
     */
    static AccelerationFeatures fromJson(JsonNode node) {
        requireFormat(node, KIND, FORMAT_VERSION);
        for (String key : new String[] {"particles", "epsilon", "sigma", "cutoff", "geometry", "containerSize"}) {
            if (node.path(key).isMissingNode()) {
                throw new IllegalArgumentException("operator features " + node + " lack '" + key
                        + "'; the checkpoint is damaged, so train the operator again");
            }
        }
        LennardJones potential = new LennardJones(node.path("epsilon").asDouble(), node.path("sigma").asDouble(),
                node.path("cutoff").asDouble());
        Container container = new Container(Geometry.parse(node.path("geometry").asText()),
                node.path("containerSize").asDouble());
        Double verletStep = node.path("verletStep").isNumber() ? node.path("verletStep").asDouble() : null;
        return new AccelerationFeatures(new PairAccelerations(potential, container, node.path("particles").asInt()),
                verletStep);
    }
}
