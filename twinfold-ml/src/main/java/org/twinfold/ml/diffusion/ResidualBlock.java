package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The residual block of the ADM U-Net (Dhariwal and Nichol, "Diffusion Models Beat GANs on Image
 * Synthesis", NeurIPS 2021), with the conditioning embedding added between the two convolutions:
 * <pre>
 *   h   = conv3x3(SiLU(GN(x)))
 *   h   = h + Linear(SiLU(emb))[:, :, None, None]
 *   h   = conv3x3(SiLU(GN(h)))
 *   out = skip(x) + h         (skip = 1x1 convolution when the channel count changes, else identity)
 * </pre>
 * With adaptive scale (ADM's scale-shift norm) the embedding's linear map gives 2 outChannels values,
 * a scale s and a shift b, and the second norm becomes GN(h) (1 + s) + b in place of the addition.
 * Inputs: x (N, inChannels, H, W) and emb (N, E). Output (N, outChannels, H, W). The forward pass runs
 * in its own {@link BlockScope}, so only the output outlives it.
 */
final class ResidualBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inChannels;
    private final int outChannels;
    private final int embeddingSize;
    private final GroupNorm norm1;
    private final PaddedConv conv1;
    private final Linear embedding;
    private final GroupNorm norm2;
    private final PaddedConv conv2;
    private final PaddedConv skip;
    private final boolean adaptiveScale;

    ResidualBlock(int inChannels, int outChannels, int embeddingSize, int maxGroups, Padding padding,
                  boolean adaptiveScale) {
        super(VERSION);
        this.adaptiveScale = adaptiveScale;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.embeddingSize = embeddingSize;
        this.norm1 = addChildBlock("norm1", GroupNorm.forChannels(inChannels, maxGroups));
        this.conv1 = addChildBlock("conv1", new PaddedConv(inChannels, outChannels, 3, 1, padding));
        this.embedding = addChildBlock("embedding", Linear.builder()
                .setUnits(adaptiveScale ? 2L * outChannels : outChannels).build());
        this.norm2 = addChildBlock("norm2", GroupNorm.forChannels(outChannels, maxGroups));
        this.conv2 = addChildBlock("conv2", new PaddedConv(outChannels, outChannels, 3, 1, padding));
        this.skip = inChannels == outChannels ? null
                : addChildBlock("skip", new PaddedConv(inChannels, outChannels, 1, 1, padding));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray emb = inputs.get(1);
        try (BlockScope scope = BlockScope.open(x, emb)) {
            NDArray h = conv1.forward(store, new NDList(silu(norm1.forward(store, new NDList(x), training).head())),
                    training).head();
            NDArray e = embedding.forward(store, new NDList(silu(emb)), training).head();
            long batch = e.getShape().get(0);
            NDArray conditioned;
            if (adaptiveScale) {
                NDArray scaleShift = e.reshape(batch, 2 * outChannels, 1, 1);
                NDArray scale = scaleShift.get(":, 0:" + outChannels);
                NDArray shift = scaleShift.get(":, " + outChannels + ":");
                NDArray normalized = norm2.forward(store, new NDList(h), training).head();
                // GN(h) (1 + s) + b, written without a Java number (see silu).
                conditioned = normalized.add(normalized.mul(scale)).add(shift);
            } else {
                h = h.addi(e.reshape(batch, outChannels, 1, 1));
                conditioned = norm2.forward(store, new NDList(h), training).head();
            }
            h = conv2.forward(store, new NDList(silu(conditioned)), training).head();
            NDArray shortcut = skip == null ? x : skip.forward(store, new NDList(x), training).head();
            return new NDList(scope.keep(h.addi(shortcut)));
        }
    }

    /**
     * Returns SiLU(x) = x sigmoid(x).
     *
     * <p>Note: not {@code Activation.swish(x, 1f)}. DJL multiplies by a Java number through a scalar
     * array over a direct buffer that it closes at once; autograd keeps that scalar for the backward
     * pass, and once the garbage collector frees the buffer the gradients read freed memory
     * (measured: infinite gradient norms after a {@code System.gc()}). Keep Java numbers out of every
     * product that needs a gradient.
     */
    static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        norm1.initialize(manager, dataType, new Shape(1, inChannels, 8, 8));
        conv1.initialize(manager, dataType, new Shape(1, inChannels, 8, 8));
        embedding.initialize(manager, dataType, new Shape(1, embeddingSize));
        norm2.initialize(manager, dataType, new Shape(1, outChannels, 8, 8));
        conv2.initialize(manager, dataType, new Shape(1, outChannels, 8, 8));
        if (skip != null) {
            skip.initialize(manager, dataType, new Shape(1, inChannels, 8, 8));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outChannels, in.get(2), in.get(3))};
    }
}
