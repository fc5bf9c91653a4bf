package org.twinfold.cli.operator;

import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.sim.md.Potential1d;
import org.twinfold.sim.md.Potential1dGenerator;

/**
 * One particle released at rest in a {@link Potential1d}: frames (x, v), parameters the sweep point
 * (mass, k for the oscillator, x0).
 */
final class Potential1dOperatorSystem implements OperatorSystem {
    /** Verlet steps timed after as many to warm up. */
    private static final int TIMED_STEPS = 2_000_000;

    private final Potential1dGenerator generator;

    Potential1dOperatorSystem(Potential1dGenerator generator) {
        this.generator = generator;
    }

    @Override
    public Potential1dGenerator generator() {
        return generator;
    }

    @Override
    public int particles() {
        return 1;
    }

    @Override
    public int dimensions() {
        return 1;
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
        int frames = batch.schema().field("positions").shape().get(0);
        float[] positions = batch.floats("positions");
        float[] velocities = batch.floats("velocities");
        float[][][] result = new float[batch.size()][frames][];
        for (int sample = 0; sample < batch.size(); sample++) {
            for (int f = 0; f < frames; f++) {
                int index = sample * frames + f;
                result[sample][f] = new float[] {positions[index], velocities[index]};
            }
        }
        return result;
    }

    @Override
    public double[] parameters(ParameterPoint point) {
        return point.values().clone();
    }

    @Override
    public double energy(double[] parameters, float[] frame) {
        double v = frame[1];
        return 0.5 * parameters[0] * v * v + generator.system().energy(frame[0], parameters);
    }

    @Override
    public float[][] verletFrames(float[] start, double[] parameters, int multiple, int count) {
        double[] state = {start[0], start[1]};
        float[][] frames = new float[count][];
        for (int f = 0; f < count; f++) {
            generator.advance(parameters, state, multiple);
            frames[f] = new float[] {(float) state[0], (float) state[1]};
        }
        return frames;
    }

    @Override
    public Potential1dAccelerations accelerations() {
        return new Potential1dAccelerations(generator.system());
    }

    @Override
    public double verletStepSeconds(double[] parameters, long seed) {
        double[] state = {parameters[parameters.length - 1], 0.0};
        return OperatorSystem.medianStepSeconds(steps -> generator.advance(parameters, state, steps), TIMED_STEPS);
    }

    @Override
    public String description() {
        return "one particle in the 1-D " + generator.system().shortName() + " potential";
    }
}
