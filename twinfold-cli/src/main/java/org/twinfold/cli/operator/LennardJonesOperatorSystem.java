package org.twinfold.cli.operator;

import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.sim.md.FrameEnergy;
import org.twinfold.sim.md.LennardJonesGenerator;
import org.twinfold.sim.md.LennardJonesSystem;

/**
 * Lennard-Jones particles in a container ({@code md-lj}): frames of 3N unwrapped positions then 3N
 * velocities ({@link TrajectoryFeatures}), parameters {mass}.
 */
final class LennardJonesOperatorSystem implements OperatorSystem {
    /** Verlet steps timed, 200 tau at 0.001, after as many to warm up the JIT. */
    private static final int TIMED_STEPS = 200_000;

    private final LennardJonesGenerator generator;

    LennardJonesOperatorSystem(LennardJonesGenerator generator) {
        this.generator = generator;
    }

    @Override
    public LennardJonesGenerator generator() {
        return generator;
    }

    @Override
    public int particles() {
        return generator.particles();
    }

    @Override
    public int dimensions() {
        return 3;
    }

    @Override
    public double timeStep() {
        return generator.timeStep();
    }

    @Override
    public double frameInterval() {
        return generator.frameInterval();
    }

    @Override
    public float[][][] frames(SampleBatch batch) {
        return TrajectoryFeatures.of(batch, side());
    }

    @Override
    public double[] parameters(ParameterPoint point) {
        return new double[] {point.value(0)};
    }

    @Override
    public double energy(double[] parameters, float[] frame) {
        return FrameEnergy.total(generator.potential(), generator.container(), parameters[0],
                TrajectoryFeatures.positions(frame), TrajectoryFeatures.velocities(frame));
    }

    /** Unwraps positions by the minimum image, as {@link TrajectoryFeatures} does. */
    @Override
    public float[][] verletFrames(float[] start, double[] parameters, int multiple, int count) {
        int values = positions();
        double[] position = new double[values];
        double[] velocity = new double[values];
        for (int k = 0; k < values; k++) {
            position[k] = start[k];
            velocity[k] = start[values + k];
        }
        LennardJonesSystem system = LennardJonesSystem.create(generator.potential(), generator.container(),
                parameters[0], position, velocity);
        double side = side();
        double[] unwrapped = position.clone();
        double[] previous = system.positions();
        float[][] frames = new float[count][];
        for (int f = 0; f < count; f++) {
            system.advance(generator.timeStep(), multiple);
            double[] current = system.positions();
            double[] velocities = system.velocities();
            float[] frame = new float[2 * values];
            for (int k = 0; k < values; k++) {
                double step = current[k] - previous[k];
                if (side > 0) {
                    step -= side * Math.rint(step / side);
                }
                unwrapped[k] += step;
                frame[k] = (float) unwrapped[k];
                frame[values + k] = (float) velocities[k];
            }
            previous = current;
            frames[f] = frame;
        }
        return frames;
    }

    @Override
    public AccelerationFeatures accelerations() {
        return AccelerationFeatures.of(generator);
    }

    /** Times the system from one random start at rest. */
    @Override
    public double verletStepSeconds(double[] parameters, long seed) {
        LennardJonesSystem system = generator.initialSystem(parameters[0], seed);
        return OperatorSystem.medianStepSeconds(steps -> system.advance(generator.timeStep(), steps), TIMED_STEPS);
    }

    @Override
    public String description() {
        return generator.particles() + " particles";
    }

    /** Returns the cube side L for periodic containers, 0 otherwise. */
    private double side() {
        return generator.container().periodic() ? generator.container().size() : 0;
    }
}
