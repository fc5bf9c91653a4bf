package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Doubles the resolution by nearest-neighbour interpolation followed by a 3x3 convolution, in place
 * of a transposed convolution (DJL 0.36's {@code Conv2dTranspose} fails on PyTorch at run time, and
 * this form also avoids checkerboard artefacts). Input (N, C, H, W), output (N, C, 2H, 2W).
 */
final class Upsample extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Mode 0 of {@code NDArrayEx.interpolation}: nearest neighbour. */
    private static final int NEAREST = 0;

    private final int channels;
    private final PaddedConv conv;

    Upsample(int channels, Padding padding) {
        super(VERSION);
        this.channels = channels;
        this.conv = addChildBlock("conv", new PaddedConv(channels, channels, 3, 1, padding));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.head();
        Shape shape = x.getShape();
        try (BlockScope scope = BlockScope.open(x)) {
            NDArray doubled = nearest(x, shape.get(2) * 2, shape.get(3) * 2);
            return new NDList(scope.keep(conv.forward(store, new NDList(doubled), training).head()));
        }
    }

    static NDArray nearest(NDArray x, long height, long width) {
        return x.getNDArrayInternal().interpolation(new long[] {height, width}, NEAREST, false);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, new Shape(1, channels, 8, 8));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), channels, in.get(2) * 2, in.get(3) * 2)};
    }
}
