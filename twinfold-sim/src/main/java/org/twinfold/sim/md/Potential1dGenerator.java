package org.twinfold.sim.md;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.Generator;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.ParameterSpace;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;

/**
 * Trajectories of one particle in a {@link Potential1d}, integrated by velocity Verlet from rest at x0:
 * v += (dt / 2m) F(x); x += dt v; v += (dt / 2m) F(x).
 *
 * <p>One sample per parameter point; the seed is ignored because the start is fixed by the point.
 * Frames are saved every {@code saveInterval} steps from t = 0 to t = totalSteps * dt inclusive:
 *
 * <ul>
 *   <li>{@code positions} float32 [frames, 1], in sigma
 *   <li>{@code velocities} float32 [frames, 1], in sigma / tau
 *   <li>{@code energy} float64 [frames, 3]: kinetic, potential and total energy, in epsilon
 * </ul>
 *
 * <p>Double precision inside; immutable and thread-safe.
 */
public final class Potential1dGenerator implements Generator {
    /** Reference time step in tau. */
    public static final double REFERENCE_TIME_STEP = 0.001;

    private final Potential1d system;
    private final double timeStep;
    private final int totalSteps;
    private final int saveInterval;
    private final Schema schema;

    /**
     * @param system the potential
     * @param timeStep Verlet step dt in tau, positive (reference: 0.001)
     * @param totalSteps steps per trajectory, positive (reference: 100,000, so t_f = 100)
     * @param saveInterval steps between saved frames; must divide totalSteps
     */
    public Potential1dGenerator(Potential1d system, double timeStep, int totalSteps, int saveInterval) {
        if (!(timeStep > 0) || !Double.isFinite(timeStep)) {
            throw new IllegalArgumentException("timeStep is " + timeStep + "; it must be finite and positive");
        }
        if (totalSteps < 1 || saveInterval < 1 || totalSteps % saveInterval != 0) {
            throw new IllegalArgumentException("totalSteps " + totalSteps + " and saveInterval " + saveInterval
                    + " must be positive, and saveInterval must divide totalSteps");
        }
        this.system = system;
        this.timeStep = timeStep;
        this.totalSteps = totalSteps;
        this.saveInterval = saveInterval;
        int frames = frames();
        this.schema = Schema.of(
                new Field("positions", List.of(frames, 1), ElementType.FLOAT32, "sigma",
                        "particle position every " + saveInterval + " steps from t = 0"),
                new Field("velocities", List.of(frames, 1), ElementType.FLOAT32, "sigma/tau",
                        "particle velocity at the same times as the positions"),
                new Field("energy", List.of(frames, 3), ElementType.FLOAT64, "epsilon",
                        "kinetic, potential and total energy at the same times"));
    }

    /** Returns the number of saved frames, totalSteps / saveInterval + 1. */
    public int frames() {
        return totalSteps / saveInterval + 1;
    }

    public Potential1d system() {
        return system;
    }

    @Override
    public GeneratorInfo info() {
        return new GeneratorInfo("md-1d-" + system.shortName(), "1", Map.of(
                "system", system.shortName(),
                "timeStep", Double.toString(timeStep),
                "totalSteps", Integer.toString(totalSteps),
                "saveInterval", Integer.toString(saveInterval)));
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ParameterSpace parameterSpace() {
        return system.parameterSpace();
    }

    @Override
    public SampleBatch generate(List<ParameterPoint> points, long[] seeds) {
        int frames = frames();
        float[] positions = new float[points.size() * frames];
        float[] velocities = new float[positions.length];
        double[] energy = new double[3 * positions.length];

        for (int i = 0; i < points.size(); i++) {
            ParameterPoint point = points.get(i);
            system.parameterSpace().validate(point);
            integrate(point.values(), positions, velocities, energy, i * frames);
        }

        return SampleBatch.builder(schema, points.size())
                .put("positions", positions)
                .put("velocities", velocities)
                .put("energy", energy)
                .build();
    }

    /**
     * Advances {@code state} = (x, v) by {@code steps} velocity Verlet steps of this generator's time step,
     * in place, in double precision.
     *
     * @param parameters the point's values, mass first
     */
    public void advance(double[] parameters, double[] state, int steps) {
        double halfKick = 0.5 * timeStep / parameters[0];
        double x = state[0];
        double v = state[1];
        double force = system.force(x, parameters);
        for (int step = 0; step < steps; step++) {
            v += halfKick * force;
            x += timeStep * v;
            force = system.force(x, parameters);
            v += halfKick * force;
        }
        state[0] = x;
        state[1] = v;
    }

    /** Returns the Verlet time step dt in tau. */
    public double timeStep() {
        return timeStep;
    }

    /** Returns the time between saved frames, saveInterval * dt, in tau. */
    public double frameInterval() {
        return saveInterval * timeStep;
    }

    private void integrate(double[] parameters, float[] positions, float[] velocities, double[] energy,
                           int firstFrame) {
        double mass = parameters[0];
        double[] state = {parameters[parameters.length - 1], 0.0};

        int frames = frames();
        for (int frame = 0; frame < frames; frame++) {
            if (frame > 0) {
                advance(parameters, state, saveInterval);
            }
            double x = state[0];
            double v = state[1];
            double kinetic = 0.5 * mass * v * v;
            double potential = system.energy(x, parameters);
            if (!Double.isFinite(kinetic + potential)) {
                throw new IllegalStateException("1-D " + system.shortName() + " run diverged at t = "
                        + frame * saveInterval * timeStep + " for parameters " + Arrays.toString(parameters)
                        + "; use a smaller time step");
            }
            int index = firstFrame + frame;
            positions[index] = (float) x;
            velocities[index] = (float) v;
            energy[3 * index] = kinetic;
            energy[3 * index + 1] = potential;
            energy[3 * index + 2] = kinetic + potential;
        }
    }
}
