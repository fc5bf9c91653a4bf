package org.twinfold.sim.oscillator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.twinfold.core.testkit.AllClose.assertAllClose;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Tasks;

class DampedOscillatorTest {

    private static double[] exactTrajectory(double omega, double zeta, double x0) {
        double[] x = new double[DampedOscillator.POINTS];
        for (int t = 0; t < x.length; t++) {
            x[t] = DampedOscillator.exact(omega, zeta, x0, t * DampedOscillator.SAMPLE_INTERVAL_SECONDS);
        }
        return x;
    }

    private static double[] simulate(int stepsPerSample, double omega, double zeta, double x0) {
        SampleBatch batch = new DampedOscillator(stepsPerSample)
                .generate(List.of(ParameterPoint.of(omega, zeta, x0)), new long[] {0});
        float[] values = batch.floats("position");
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    @Test
    void matchesExactSolution() {
        // float32 output limits agreement to about 1e-7 m.
        assertAllClose(exactTrajectory(2.5, 0.1, 1.2), simulate(OscillatorTask.STEPS_PER_SAMPLE, 2.5, 0.1, 1.2),
                0, 1e-6);
    }

    @Test
    void errorFallsWithFourthPowerOfStep() {
        double[] exact = exactTrajectory(3.0, 0.05, 1.0);
        double coarse = maxError(exact, simulate(2, 3.0, 0.05, 1.0));
        double fine = maxError(exact, simulate(4, 3.0, 0.05, 1.0));
        // Halving the step divides a fourth-order method's global error by 2^4 = 16.
        assertEquals(16.0, coarse / fine, 2.0);
    }

    @Test
    void taskIsRegistered() {
        assertEquals("oscillator", Tasks.byName("oscillator").name());
    }

    private static double maxError(double[] expected, double[] actual) {
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        return max;
    }
}
