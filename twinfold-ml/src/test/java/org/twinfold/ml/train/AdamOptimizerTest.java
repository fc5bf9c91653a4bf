package org.twinfold.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.twinfold.core.testkit.AllClose.assertAllClose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinfold.ml.DjlEngine;

class AdamOptimizerTest {

    /** Runs Algorithm 1 of Kingma and Ba in double precision for two steps with a fixed gradient per step. */
    private static double[] handAdam(double[] theta, double[][] gradients, double lr, double lambda, boolean decoupled) {
        double beta1 = 0.9;
        double beta2 = 0.999;
        double epsilon = 1e-8;
        double[] m = new double[theta.length];
        double[] v = new double[theta.length];
        double[] result = theta.clone();
        for (int t = 1; t <= gradients.length; t++) {
            for (int i = 0; i < theta.length; i++) {
                double g = gradients[t - 1][i] + (decoupled ? 0 : lambda * result[i]);
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                if (decoupled) {
                    result[i] *= 1 - lr * lambda;
                }
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                double vHat = v[i] / (1 - Math.pow(beta2, t));
                result[i] -= lr * mHat / (Math.sqrt(vHat) + epsilon);
            }
        }
        return result;
    }

    private static double[] runOptimizer(AdamSettings settings, double[][] gradients, double lr) {
        DjlEngine.start();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray theta = manager.create(new float[] {1.0f, -2.0f, 0.25f});
            Map<String, NDArray> parameters = Map.of("w", theta);
            try (AdamOptimizer optimizer = new AdamOptimizer(settings, parameters, manager)) {
                for (double[] gradient : gradients) {
                    float[] g = {(float) gradient[0], (float) gradient[1], (float) gradient[2]};
                    optimizer.update(parameters, Map.of("w", manager.create(g)), lr);
                }
                assertEquals(gradients.length, optimizer.stepCount());
            }
            float[] values = theta.toFloatArray();
            return new double[] {values[0], values[1], values[2]};
        }
    }

    private static final double[][] GRADIENTS = {{0.5, 0.1, -3.0}, {-0.25, 0.2, 1.5}, {0.125, -0.4, 0.75}};

    @Test
    void adamMatchesHandComputedSteps() {
        double[] expected = handAdam(new double[] {1.0, -2.0, 0.25}, GRADIENTS, 0.01, 0, false);
        double[] actual = runOptimizer(AdamSettings.adam(), GRADIENTS, 0.01);
        assertAllClose(expected, actual, 1e-6, 1e-7);
    }

    @Test
    void adamFirstStepMovesByLearningRate() {
        // After one step m_hat / sqrt(v_hat) = g / |g|, so every weight moves by lr against its gradient sign.
        double[] actual = runOptimizer(AdamSettings.adam(), new double[][] {GRADIENTS[0]}, 0.01);
        assertAllClose(new double[] {0.99, -2.01, 0.26}, actual, 1e-6, 1e-7);
    }

    @Test
    void adamWithL2PenaltyMatchesHand() {
        AdamSettings settings = new AdamSettings(OptimizerKind.ADAM, 0.9, 0.999, 1e-8, 0.1);
        double[] expected = handAdam(new double[] {1.0, -2.0, 0.25}, GRADIENTS, 0.01, 0.1, false);
        assertAllClose(expected, runOptimizer(settings, GRADIENTS, 0.01), 1e-6, 1e-7);
    }

    @Test
    void adamWDecaysWeightsDecoupled() {
        double[] expected = handAdam(new double[] {1.0, -2.0, 0.25}, GRADIENTS, 0.01, 0.1, true);
        assertAllClose(expected, runOptimizer(AdamSettings.adamW(0.1), GRADIENTS, 0.01), 1e-6, 1e-7);
    }
}
