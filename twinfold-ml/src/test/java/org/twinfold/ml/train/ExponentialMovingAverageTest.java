package org.twinfold.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.twinfold.core.testkit.AllClose.assertAllClose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinfold.ml.DjlEngine;

class ExponentialMovingAverageTest {

    @Test
    void decayWarmsUpToLimit() {
        DjlEngine.start();
        try (NDManager manager = NDManager.newBaseManager();
                ExponentialMovingAverage ema = new ExponentialMovingAverage(0.9,
                        Map.of("w", manager.create(new float[] {0f})), manager)) {
            assertEquals(2.0 / 11.0, ema.decayAt(1), 1e-15);
            assertEquals(0.9, ema.decayAt(100), 1e-15);
        }
    }

    @Test
    void updateMovesTowardsWeights() {
        DjlEngine.start();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray theta = manager.create(new float[] {2f, -1f});
            Map<String, NDArray> parameters = Map.of("w", theta);
            try (ExponentialMovingAverage ema = new ExponentialMovingAverage(0.9, parameters, manager)) {
                theta.set(new float[] {4f, 1f});
                ema.update(parameters, 1);
                double d1 = 2.0 / 11.0;
                double[] afterOne = {d1 * 2 + (1 - d1) * 4, d1 * -1 + (1 - d1) * 1};
                assertAllClose(afterOne, toDoubles(ema.shadows().get("w").toFloatArray()), 1e-6, 1e-7);

                ema.update(parameters, 100);
                double[] afterTwo = {0.9 * afterOne[0] + 0.1 * 4, 0.9 * afterOne[1] + 0.1 * 1};
                assertAllClose(afterTwo, toDoubles(ema.shadows().get("w").toFloatArray()), 1e-6, 1e-7);

                ema.copyInto(parameters);
                assertAllClose(afterTwo, toDoubles(theta.toFloatArray()), 1e-6, 1e-7);
            }
        }
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
