package org.twinfold.ml.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinfold.core.testkit.AllClose.assertAllClose;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinfold.ml.DjlEngine;

/** Shape, periodicity and memory scoping of the U-Net. */
class UNetTest {

    static UNetConfig tiny(Padding padding, int classes) {
        return new UNetConfig(1, 8, List.of(1, 2), 1, true, 2, padding, classes, 0, 4, 1, 0, false, false);
    }

    private static NDArray forward(UNet net, NDManager manager, NDArray x) {
        NDArray noise = manager.create(new float[] {-0.3f, 0.2f});
        NDArray classes = manager.create(new float[] {1, 0, 0, 0, 0, 1}, new Shape(2, 3));
        return net.forward(new ParameterStore(manager, false), new NDList(x, noise, classes), false).head();
    }

    /** Returns x (N, C, H, W) shifted periodically by (rows, columns): y[.., i, j] = x[.., i - rows, j - columns]. */
    static NDArray roll(NDArray x, int rows, int columns) {
        Shape shape = x.getShape();
        int h = (int) shape.get(2);
        int w = (int) shape.get(3);
        float[] in = x.toFloatArray();
        float[] out = new float[in.length];
        for (int plane = 0; plane < in.length / (h * w); plane++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    int from = plane * h * w + Math.floorMod(i - rows, h) * w + Math.floorMod(j - columns, w);
                    out[plane * h * w + i * w + j] = in[from];
                }
            }
        }
        return x.getManager().create(out, shape);
    }

    @Test
    void circularPaddingCommutesWithShifts() {
        DjlEngine.start();
        Engine.getInstance().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            UNet net = UNet.create(tiny(Padding.CIRCULAR, 3), manager);
            NDArray x = manager.randomNormal(new Shape(2, 1, 8, 8));
            NDArray y = forward(net, manager, x);
            assertEquals(new Shape(2, 1, 8, 8), y.getShape());

            // Two levels: shifts by multiples of 2 sites commute with the network.
            NDArray shifted = forward(net, manager, roll(x, 2, -4));
            assertAllClose(roll(y, 2, -4).toFloatArray(), shifted.toFloatArray(), 1e-4, 1e-5);
        }
    }

    @Test
    void foldingPatchesIntoChannelsIsUndoneExactly() {
        DjlEngine.start();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.arange(2 * 1 * 4 * 6f).reshape(2, 1, 4, 6);
            NDArray folded = UNet.fold(x, 2);
            assertEquals(new Shape(2, 4, 2, 3), folded.getShape());
            // Channel 1 of the folded image contains the pixels at even rows and odd columns: (0, 1), (0, 3), ...
            assertEquals(1f, folded.getFloat(0, 1, 0, 0));
            assertEquals(3f, folded.getFloat(0, 1, 0, 1));
            assertEquals(13f, folded.getFloat(0, 1, 1, 0));
            assertEquals(x, UNet.unfold(folded, 2));
        }
    }

    @Test
    void patchedNetworkKeepsShapeAndPeriodicity() {
        DjlEngine.start();
        Engine.getInstance().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            UNetConfig base = tiny(Padding.CIRCULAR, 3);
            UNetConfig patched = new UNetConfig(1, 8, List.of(1, 2), 1, true, 2, Padding.CIRCULAR, 3, 0, 4, 2, 0, false,
                    false);
            assertEquals(4, patched.sizeMultiple());
            assertShapeAndPatchShifts(UNet.create(patched, manager), manager);
            assertEquals(base.foldedChannels() * 4, patched.foldedChannels());
        }
    }

    @Test
    void pixelHeadKeepsShapeAndPeriodicity() {
        DjlEngine.start();
        Engine.getInstance().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            UNetConfig headed = new UNetConfig(1, 8, List.of(1, 2), 1, true, 2, Padding.CIRCULAR, 3, 0, 4, 2, 4, false,
                    false);
            assertEquals(headed, UNetConfig.fromJson(headed.toJson()));
            UNet net = UNet.create(headed, manager);
            assertShapeAndPatchShifts(net, manager);

            // The head adds two convolutions and a linear layer, each with a bias. A config without the key
            // has no head.
            UNet plain = UNet.create(new UNetConfig(1, 8, List.of(1, 2), 1, true, 2, Padding.CIRCULAR, 3, 0, 4, 2, 0,
                    false, false), manager);
            assertEquals(plain.getParameters().size() + 6, net.getParameters().size());
            var legacy = headed.toJson().without("pixelHead");
            assertEquals(0, UNetConfig.fromJson(legacy).pixelHead());
        }
    }

    @Test
    void selfConditionedNetworkTakesEstimate() {
        DjlEngine.start();
        Engine.getInstance().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            UNetConfig conditioned = new UNetConfig(1, 8, List.of(1, 2), 1, true, 2, Padding.CIRCULAR, 3, 0, 4, 1, 0,
                    true, false);
            assertEquals(conditioned, UNetConfig.fromJson(conditioned.toJson()));
            assertFalse(UNetConfig.fromJson(conditioned.toJson().without("selfCondition")).selfCondition());
            assertEquals(2, conditioned.foldedInputChannels());
            assertEquals(1, conditioned.foldedChannels());
            UNet net = UNet.create(conditioned, manager);

            // The input (N, 2, H, W) is the noisy image, then the estimate. The output (N, 1, H, W) stays periodic.
            NDArray x = manager.randomNormal(new Shape(2, 2, 8, 8));
            NDArray y = forward(net, manager, x);
            assertEquals(new Shape(2, 1, 8, 8), y.getShape());
            assertAllClose(roll(y, 2, -4).toFloatArray(), forward(net, manager, roll(x, 2, -4)).toFloatArray(),
                    1e-4, 1e-5);

            // The estimate channel reaches the output.
            NDArray otherEstimate = x.get(":, 0:1").concat(manager.zeros(new Shape(2, 1, 8, 8)), 1);
            assertTrue(forward(net, manager, otherEstimate).sub(y).abs().max().getFloat() > 1e-4);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> forward(net, manager, manager.zeros(new Shape(2, 1, 8, 8))));
            assertTrue(error.getMessage().contains("expects (N, 2, H, W)"), error.getMessage());
        }
    }

    @Test
    void adaptiveScaleNetworkKeepsShapeAndPeriodicity() {
        DjlEngine.start();
        Engine.getInstance().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            UNetConfig scaled = new UNetConfig(1, 8, List.of(1, 2), 1, true, 2, Padding.CIRCULAR, 3, 0, 4, 1, 0,
                    false, true);
            assertEquals(scaled, UNetConfig.fromJson(scaled.toJson()));
            assertFalse(UNetConfig.fromJson(scaled.toJson().without("adaptiveScale")).adaptiveScale());
            UNet net = UNet.create(scaled, manager);
            UNet plain = UNet.create(tiny(Padding.CIRCULAR, 3), manager);
            // Same parameter arrays; each block's embedding map is twice as wide.
            assertEquals(plain.getParameters().size(), net.getParameters().size());
            assertTrue(count(net) > count(plain), count(net) + " against " + count(plain));

            NDArray x = manager.randomNormal(new Shape(2, 1, 8, 8));
            NDArray y = forward(net, manager, x);
            assertEquals(new Shape(2, 1, 8, 8), y.getShape());
            assertAllClose(roll(y, 2, -4).toFloatArray(), forward(net, manager, roll(x, 2, -4)).toFloatArray(),
                    1e-4, 1e-5);
        }
    }

    private static long count(UNet net) {
        return net.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /** Patch 2 and two levels: shifts by multiples of 4 pixels commute with the network. */
    private static void assertShapeAndPatchShifts(UNet net, NDManager manager) {
        NDArray x = manager.randomNormal(new Shape(2, 1, 16, 16));
        NDArray y = forward(net, manager, x);
        assertEquals(new Shape(2, 1, 16, 16), y.getShape());
        NDArray shifted = forward(net, manager, roll(x, 4, -8));
        assertAllClose(roll(y, 4, -8).toFloatArray(), shifted.toFloatArray(), 1e-4, 1e-5);
    }

    @Test
    void zeroPaddingDoesNotCommuteWithShifts() {
        DjlEngine.start();
        Engine.getInstance().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            UNet net = UNet.create(tiny(Padding.ZERO, 3), manager);
            NDArray x = manager.randomNormal(new Shape(2, 1, 8, 8));
            NDArray y = forward(net, manager, x);
            NDArray shifted = forward(net, manager, roll(x, 2, 0));
            float difference = roll(y, 2, 0).sub(shifted).abs().max().getFloat();
            assertEquals(true, difference > 1e-3, "largest difference " + difference);
        }
    }

    @Test
    void forwardLeavesOnlyItsOutput() {
        DjlEngine.start();
        try (NDManager manager = NDManager.newBaseManager()) {
            UNet net = UNet.create(tiny(Padding.CIRCULAR, 3), manager);
            try (NDManager call = manager.newSubManager()) {
                NDArray x = call.randomNormal(new Shape(2, 1, 8, 8));
                NDArray noise = call.create(new float[] {-0.3f, 0.2f});
                NDArray classes = call.zeros(new Shape(2, 3));
                int before = call.getManagedArrays().size();
                net.forward(new ParameterStore(manager, false), new NDList(x, noise, classes), false);
                assertEquals(before + 1, call.getManagedArrays().size());
            }
        }
    }

    @Test
    void rejectsLatticeThatDoesNotHalve() {
        DjlEngine.start();
        try (NDManager manager = NDManager.newBaseManager()) {
            UNet net = UNet.create(tiny(Padding.ZERO, 3), manager);
            NDArray x = manager.zeros(new Shape(2, 1, 7, 8));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> forward(net, manager, x));
            assertEquals(true, e.getMessage().contains("multiples of 2"), e.getMessage());
        }
    }
}
