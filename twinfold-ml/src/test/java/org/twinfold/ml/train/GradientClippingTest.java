package org.twinfold.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinfold.ml.DjlEngine;

class GradientClippingTest {

    @Test
    void globalNormAndClip() {
        DjlEngine.start();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {3f, 4f});
            NDArray b = manager.create(new float[] {12f});
            List<NDArray> gradients = List.of(a, b);

            double norm = GradientClipping.globalNorm(gradients);
            assertEquals(13.0, norm, 1e-6);

            assertEquals(0.5, GradientClipping.clip(gradients, norm, 6.5), 1e-12);
            assertArrayEquals(new float[] {1.5f, 2f}, a.toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {6f}, b.toFloatArray(), 1e-6f);
            assertEquals(6.5, GradientClipping.globalNorm(gradients), 1e-5);
        }
    }

    @Test
    void smallNormUnchanged() {
        DjlEngine.start();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {0.3f, 0.4f});
            assertEquals(1.0, GradientClipping.clip(List.of(a), 0.5, 1.0));
            assertArrayEquals(new float[] {0.3f, 0.4f}, a.toFloatArray());
        }
    }
}
