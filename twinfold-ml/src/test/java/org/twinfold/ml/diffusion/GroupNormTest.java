package org.twinfold.ml.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.twinfold.core.testkit.AllClose.assertAllClose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinfold.ml.DjlEngine;

/** Group norm against a reference written with plain loops in double precision. */
class GroupNormTest {
    private static final int N = 2;
    private static final int C = 6;
    private static final int H = 3;
    private static final int W = 4;

    /** y = gamma (x - mean) / sqrt(var + eps) + beta over each sample's group of channels and sites. */
    private static float[] reference(float[] x, int groups, float[] gamma, float[] beta, double eps) {
        float[] y = new float[x.length];
        int perChannel = H * W;
        int perGroup = C / groups * perChannel;
        for (int n = 0; n < N; n++) {
            for (int g = 0; g < groups; g++) {
                int start = n * C * perChannel + g * perGroup;
                double mean = 0;
                for (int i = 0; i < perGroup; i++) {
                    mean += x[start + i];
                }
                mean /= perGroup;
                double variance = 0;
                for (int i = 0; i < perGroup; i++) {
                    variance += (x[start + i] - mean) * (x[start + i] - mean);
                }
                variance /= perGroup;
                for (int i = 0; i < perGroup; i++) {
                    int channel = (start + i) / perChannel % C;
                    y[start + i] = (float) (gamma[channel] * (x[start + i] - mean) / Math.sqrt(variance + eps)
                            + beta[channel]);
                }
            }
        }
        return y;
    }

    private static float[] random(SplittableRandom random, int count, double offset) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (offset + 2 * random.nextGaussian());
        }
        return values;
    }

    @Test
    void matchesReferenceWithAffine() {
        DjlEngine.start();
        SplittableRandom random = new SplittableRandom(3);
        float[] x = random(random, N * C * H * W, 1.5);
        float[] gamma = random(random, C, 1);
        float[] beta = random(random, C, 0);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = manager.create(x, new Shape(N, C, H, W));
            NDArray y = GroupNorm.normalize(input, manager.create(gamma), manager.create(beta), 3, 1e-5f);
            assertEquals(new Shape(N, C, H, W), y.getShape());
            assertAllClose(reference(x, 3, gamma, beta, 1e-5), y.toFloatArray(), 1e-4, 1e-5);
        }
    }

    @Test
    void blockStartsAsPlainNormalization() {
        DjlEngine.start();
        SplittableRandom random = new SplittableRandom(4);
        float[] x = random(random, N * C * H * W, -0.7);
        float[] ones = {1, 1, 1, 1, 1, 1};
        float[] zeros = new float[C];
        try (NDManager manager = NDManager.newBaseManager()) {
            GroupNorm norm = new GroupNorm(C, 2, 1e-5f);
            norm.initialize(manager, DataType.FLOAT32, new Shape(1, C, H, W));
            NDArray input = manager.create(x, new Shape(N, C, H, W));
            NDArray y = norm.forward(new ParameterStore(manager, false), new NDList(input), false).head();
            assertAllClose(reference(x, 2, ones, zeros, 1e-5), y.toFloatArray(), 1e-4, 1e-5);
            assertEquals(2, GroupNorm.forChannels(6, 4).groups());
        }
    }
}
