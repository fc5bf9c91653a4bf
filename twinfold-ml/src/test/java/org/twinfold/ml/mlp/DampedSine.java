package org.twinfold.ml.mlp;

import java.util.SplittableRandom;
import org.twinfold.core.Parameter;
import org.twinfold.core.ParameterSpace;

/**
 * Analytic field for MLP tests: y_k = exp(-gamma t_k) sin(omega t_k) at D times t_k = 2 k / (D - 1)
 * seconds, with angular frequency omega in [1, 4] rad/s and decay rate gamma in [0.2, 1] 1/s.
 */
final class DampedSine {
    static final int POINTS = 32;
    static final ParameterSpace SPACE = ParameterSpace.of(
            new Parameter("omega", 1, 4, "rad/s", "angular frequency"),
            new Parameter("gamma", 0.2, 1, "1/s", "decay rate"));

    private DampedSine() {
    }

    static float[] field(double omega, double gamma) {
        float[] values = new float[POINTS];
        for (int k = 0; k < POINTS; k++) {
            double t = 2.0 * k / (POINTS - 1);
            values[k] = (float) (Math.exp(-gamma * t) * Math.sin(omega * t));
        }
        return values;
    }

    /** Returns {inputs (n, 2), outputs (n, POINTS)} at uniformly drawn parameters. */
    static float[][][] sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] inputs = new float[n][];
        float[][] outputs = new float[n][];
        for (int i = 0; i < n; i++) {
            double omega = random.nextDouble(1, 4);
            double gamma = random.nextDouble(0.2, 1);
            inputs[i] = new float[] {(float) omega, (float) gamma};
            outputs[i] = field(omega, gamma);
        }
        return new float[][][] {inputs, outputs};
    }

    static double rmse(float[][] expected, float[][] actual) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int k = 0; k < expected[i].length; k++) {
                double difference = expected[i][k] - actual[i][k];
                sum += difference * difference;
                count++;
            }
        }
        return Math.sqrt(sum / count);
    }
}
