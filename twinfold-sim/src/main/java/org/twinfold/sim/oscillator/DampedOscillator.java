package org.twinfold.sim.oscillator;

import java.util.List;
import java.util.Map;
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
 * A damped harmonic oscillator, x'' + 2 zeta omega x' + omega^2 x = 0 with x(0) = x0 and x'(0) = 0,
 * integrated by classical fourth-order Runge-Kutta. It is the smallest deterministic task of
 * twinfold: an operator from three parameters to a 100-point trajectory, with an exact solution to
 * check both the integrator and a surrogate against.
 *
 * <p>Output: {@code position} float32 [100], x at t = 0, 0.1, ..., 9.9 s, in metres. The integrator
 * takes {@code stepsPerSample} steps between saved points, so the cost per sample is a setting.
 * Stateless and thread-safe.
 */
public final class DampedOscillator implements Generator {
    /** Number of saved time points. */
    public static final int POINTS = 100;
    /** Time between saved points, in seconds. */
    public static final double SAMPLE_INTERVAL_SECONDS = 0.1;

    static final Schema SCHEMA = Schema.of(new Field("position", List.of(POINTS), ElementType.FLOAT32, "m",
            "displacement x(t) at t = 0, 0.1, ..., 9.9 s"));
    static final ParameterSpace SPACE = ParameterSpace.of(
            new Parameter("omega", 0.5, 3.0, "rad/s", "undamped angular frequency"),
            new Parameter("zeta", 0.02, 0.5, "1", "damping ratio (below 1: underdamped)"),
            new Parameter("x0", 0.5, 1.5, "m", "initial displacement, released at rest"));

    private final int stepsPerSample;

    /**
     * @param stepsPerSample Runge-Kutta steps between saved points (at least 1); the step is
     *     0.1 s / stepsPerSample
     */
    public DampedOscillator(int stepsPerSample) {
        if (stepsPerSample < 1) {
            throw new IllegalArgumentException("steps per sample is " + stepsPerSample + "; it must be at least 1");
        }
        this.stepsPerSample = stepsPerSample;
    }

    @Override
    public GeneratorInfo info() {
        return new GeneratorInfo("oscillator-rk4", "1", Map.of("stepsPerSample", Integer.toString(stepsPerSample)));
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public ParameterSpace parameterSpace() {
        return SPACE;
    }

    @Override
    public SampleBatch generate(List<ParameterPoint> points, long[] seeds) {
        float[] positions = new float[points.size() * POINTS];
        for (int i = 0; i < points.size(); i++) {
            ParameterPoint point = points.get(i);
            SPACE.validate(point);
            integrate(point.value(0), point.value(1), point.value(2), positions, i * POINTS);
        }
        return SampleBatch.builder(SCHEMA, points.size()).put("position", positions).build();
    }

    private void integrate(double omega, double zeta, double x0, float[] out, int offset) {
        double dt = SAMPLE_INTERVAL_SECONDS / stepsPerSample;
        double x = x0;
        double v = 0.0;
        out[offset] = (float) x;
        for (int saved = 1; saved < POINTS; saved++) {
            for (int step = 0; step < stepsPerSample; step++) {
                // Runge-Kutta 4 on the first-order system (x, v).
                double a1 = acceleration(x, v, omega, zeta);
                double x2 = x + 0.5 * dt * v;
                double v2 = v + 0.5 * dt * a1;
                double a2 = acceleration(x2, v2, omega, zeta);
                double x3 = x + 0.5 * dt * v2;
                double v3 = v + 0.5 * dt * a2;
                double a3 = acceleration(x3, v3, omega, zeta);
                double x4 = x + dt * v3;
                double v4 = v + dt * a3;
                double a4 = acceleration(x4, v4, omega, zeta);
                x += dt / 6 * (v + 2 * v2 + 2 * v3 + v4);
                v += dt / 6 * (a1 + 2 * a2 + 2 * a3 + a4);
            }
            out[offset + saved] = (float) x;
        }
    }

    private static double acceleration(double x, double v, double omega, double zeta) {
        return -2 * zeta * omega * v - omega * omega * x;
    }

    /** Returns the exact underdamped solution x(t) for x(0) = x0, x'(0) = 0, in metres. */
    public static double exact(double omega, double zeta, double x0, double timeSeconds) {
        double damped = omega * Math.sqrt(1 - zeta * zeta);
        double envelope = x0 * Math.exp(-zeta * omega * timeSeconds);
        return envelope * (Math.cos(damped * timeSeconds) + zeta * omega / damped * Math.sin(damped * timeSeconds));
    }
}
