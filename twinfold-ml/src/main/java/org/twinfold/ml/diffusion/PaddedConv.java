package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A square 2-D convolution with odd kernel k and stride s that keeps H/s x W/s sites, with zero or
 * circular padding of (k - 1) / 2 sites. Input (N, inChannels, H, W), output (N, outChannels, H/s, W/s).
 * Parameters: DJL's {@link Conv2d} weight (outChannels, inChannels, k, k) and bias (outChannels).
 */
final class PaddedConv extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final Padding padding;
    private final Conv2d conv;

    PaddedConv(int inChannels, int outChannels, int kernel, int stride, Padding padding) {
        super(VERSION);
        if (kernel % 2 != 1 || stride < 1) {
            throw new IllegalArgumentException("kernel " + kernel + " and stride " + stride
                    + " are invalid; the kernel must be odd and the stride positive");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        int pad = padding == Padding.ZERO ? kernel / 2 : 0;
        this.conv = addChildBlock("conv", Conv2d.builder().setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(pad, pad)).setFilters(outChannels)
                .build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.head();
        if (padding == Padding.ZERO || kernel == 1) {
            return conv.forward(store, new NDList(x), training);
        }
        try (BlockScope scope = BlockScope.open(x)) {
            NDArray wrapped = Padding.wrap(x, kernel / 2);
            return new NDList(scope.keep(conv.forward(store, new NDList(wrapped), training).singletonOrThrow()));
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, new Shape(1, inChannels, 8, 8));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outChannels, in.get(2) / stride, in.get(3) / stride)};
    }
}
