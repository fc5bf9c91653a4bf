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
 * Multi-head self-attention over the sites of a feature map, with a residual connection:
 * <pre>
 *   q, k, v = split(conv1x1(GN(x)))                  each (N, heads, d, H W), d = C / heads
 *   a       = softmax_j(q_i . k_j / sqrt(d))         (N, heads, H W, H W)
 *   out     = x + conv1x1(reshape(v a^T))
 * </pre>
 * Memory grows as (H W)^2, so the U-Net uses it only at its lowest resolution. Input and output
 * (N, C, H, W).
 */
final class SelfAttention extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int channels;
    private final int heads;
    private final GroupNorm norm;
    private final PaddedConv qkv;
    private final PaddedConv projection;

    SelfAttention(int channels, int heads, int maxGroups) {
        super(VERSION);
        if (heads < 1 || channels % heads != 0) {
            throw new IllegalArgumentException("attention with " + channels + " channels and " + heads
                    + " heads is invalid; the head count must divide the channel count");
        }
        this.channels = channels;
        this.heads = heads;
        this.norm = addChildBlock("norm", GroupNorm.forChannels(channels, maxGroups));
        this.qkv = addChildBlock("qkv", new PaddedConv(channels, 3 * channels, 1, 1, Padding.ZERO));
        this.projection = addChildBlock("projection", new PaddedConv(channels, channels, 1, 1, Padding.ZERO));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.head();
        Shape shape = x.getShape();
        long n = shape.get(0);
        long sites = shape.get(2) * shape.get(3);
        long d = channels / heads;
        try (BlockScope scope = BlockScope.open(x)) {
            NDArray h = norm.forward(store, new NDList(x), training).head();
            NDArray packed = qkv.forward(store, new NDList(h), training).head().reshape(n, 3, heads, d, sites);
            NDArray q = packed.get(":, 0").transpose(0, 1, 3, 2);
            NDArray k = packed.get(":, 1");
            NDArray v = packed.get(":, 2");
            // The scale is a libtorch-made array, not a Java number (see ResidualBlock.silu).
            NDArray scale = scope.manager().full(new Shape(1), (float) (1 / Math.sqrt(d)), x.getDataType());
            NDArray weights = q.matMul(k).mul(scale).softmax(-1);
            NDArray attended = v.matMul(weights.transpose(0, 1, 3, 2)).reshape(shape);
            NDArray out = projection.forward(store, new NDList(attended), training).head();
            return new NDList(scope.keep(out.addi(x)));
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        norm.initialize(manager, dataType, new Shape(1, channels, 8, 8));
        qkv.initialize(manager, dataType, new Shape(1, channels, 8, 8));
        projection.initialize(manager, dataType, new Shape(1, channels, 8, 8));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
