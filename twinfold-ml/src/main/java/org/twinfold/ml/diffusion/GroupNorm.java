package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Group normalization (Wu and He, "Group Normalization", ECCV 2018), which DJL 0.36 lacks. The C
 * channels of an input of shape (N, C, spatial...) are split into G groups; each sample's group is
 * normalized to zero mean and unit variance over its C/G channels and all positions, then every
 * channel gets its own gain and offset:
 * <pre>
 *   y[n, c, ...] = gamma[c] * (x[n, c, ...] - mu[n, g(c)]) / sqrt(var[n, g(c)] + eps) + beta[c]
 * </pre>
 * with the biased variance. The statistics come from libtorch's fused layer-norm kernel applied to
 * the view (N, G, C/G * positions), which is faster than composing mean and variance from NDArray
 * operations; the per-channel affine follows. Output shape equals input shape.
 *
 * <p>Parameters: {@code gamma} (C) starting at 1 and {@code beta} (C) starting at 0.
 */
public final class GroupNorm extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int channels;
    private final int groups;
    private final float epsilon;
    private final Parameter gamma;
    private final Parameter beta;

    /**
     * @param channels C, at least 1
     * @param groups G; must divide C
     * @param epsilon added to the variance, positive (1e-5 as in PyTorch)
     */
    public GroupNorm(int channels, int groups, float epsilon) {
        super(VERSION);
        if (channels < 1 || groups < 1 || channels % groups != 0) {
            throw new IllegalArgumentException("group norm with " + channels + " channels and " + groups
                    + " groups is invalid; the group count must be positive and divide the channel count");
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("group norm epsilon is " + epsilon + "; it must be positive, e.g. 1e-5");
        }
        this.channels = channels;
        this.groups = groups;
        this.epsilon = epsilon;
        this.gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(channels)).build());
        this.beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optShape(new Shape(channels)).build());
    }

    /** Returns a group norm with {@code gcd(channels, maxGroups)} groups, which always divides C. */
    static GroupNorm forChannels(int channels, int maxGroups) {
        return new GroupNorm(channels, gcd(channels, maxGroups), 1e-5f);
    }

    public int groups() {
        return groups;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (x.getShape().dimension() < 2 || x.getShape().get(1) != channels) {
            throw new IllegalArgumentException("group norm expects (N, " + channels + ", ...) but got "
                    + x.getShape());
        }
        NDArray g = store.getValue(gamma, x.getDevice(), training);
        NDArray b = store.getValue(beta, x.getDevice(), training);
        return new NDList(normalize(x, g, b, groups, epsilon));
    }

    /**
     * Applies group normalization with given gain and offset arrays of shape (C).
     *
     * @param x input (N, C, spatial...)
     * @return the normalized array, on the manager of {@code x}
     */
    static NDArray normalize(NDArray x, NDArray gain, NDArray offset, int groups, float epsilon) {
        Shape shape = x.getShape();
        long n = shape.get(0);
        long c = shape.get(1);
        long groupSize = shape.size() / (n * groups);

        try (BlockScope scope = BlockScope.open(x)) {
            NDManager manager = scope.manager();
            NDArray ones = manager.ones(new Shape(groupSize), DataType.FLOAT32).toType(x.getDataType(), false);
            NDArray zeros = manager.zeros(new Shape(groupSize), DataType.FLOAT32).toType(x.getDataType(), false);
            NDArray grouped = x.reshape(n, groups, groupSize);
            NDArray normalized = grouped.getNDArrayInternal()
                    .layerNorm(grouped, new Shape(groupSize), ones, zeros, epsilon).singletonOrThrow()
                    .reshape(shape);

            long[] affine = new long[shape.dimension()];
            java.util.Arrays.fill(affine, 1);
            affine[1] = c;
            NDArray g = scope.own(gain.reshape(new Shape(affine)));
            NDArray b = scope.own(offset.reshape(new Shape(affine)));
            return scope.keep(normalized.mul(g).addi(b));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
