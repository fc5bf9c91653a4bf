package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The conditioning vector emb (N, E) that every residual block receives, the sum of
 * <ul>
 *   <li>the noise embedding: sinusoidal features of c_noise, [cos(c f_j), sin(c f_j)] with
 *       f_j = 10000^(-j / (F/2)) for j &lt; F/2 (Vaswani et al. 2017), then Linear, SiLU, Linear;</li>
 *   <li>the class embedding: a bias-free Linear of the one-hot class (N, classes), a learned vector
 *       per class; an all-zero row (the label dropped for classifier-free guidance) adds nothing;</li>
 *   <li>the parameter embedding: a Linear of (N, p + 1), the normalized parameters followed by a
 *       presence flag 1 (all zeros when dropped).</li>
 * </ul>
 * Inputs: cNoise (N), then the class one-hot when classCount &gt; 0, then the parameters when
 * parameterCount &gt; 0. F = baseChannels.
 */
final class ConditionEmbedding extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final double MAX_PERIOD = 10000;

    private final int features;
    private final int embeddingSize;
    private final int classCount;
    private final int parameterCount;
    private final Linear noise1;
    private final Linear noise2;
    private final Linear classes;
    private final Linear parameters;

    ConditionEmbedding(int features, int embeddingSize, int classCount, int parameterCount) {
        super(VERSION);
        if (features < 2 || features % 2 != 0) {
            throw new IllegalArgumentException("noise features " + features + " must be even and at least 2");
        }
        this.features = features;
        this.embeddingSize = embeddingSize;
        this.classCount = classCount;
        this.parameterCount = parameterCount;
        this.noise1 = addChildBlock("noise1", Linear.builder().setUnits(embeddingSize).build());
        this.noise2 = addChildBlock("noise2", Linear.builder().setUnits(embeddingSize).build());
        this.classes = classCount == 0 ? null
                : addChildBlock("classes", Linear.builder().setUnits(embeddingSize).optBias(false).build());
        this.parameters = parameterCount == 0 ? null
                : addChildBlock("parameters", Linear.builder().setUnits(embeddingSize).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray cNoise = inputs.get(0);
        long n = cNoise.getShape().get(0);
        try (BlockScope scope = BlockScope.open(cNoise, inputs.stream().skip(1).toArray(NDArray[]::new))) {
            NDArray angles = cNoise.reshape(n, 1).mul(frequencies(scope.manager(), features / 2));
            NDArray sinusoid = angles.cos().concat(angles.sin(), 1);
            NDArray emb = noise1.forward(store, new NDList(sinusoid), training).head();
            emb = noise2.forward(store, new NDList(ResidualBlock.silu(emb)), training).head();
            int next = 1;
            if (classes != null) {
                emb = emb.add(classes.forward(store, new NDList(inputs.get(next++)), training).head());
            }
            if (parameters != null) {
                emb = emb.add(parameters.forward(store, new NDList(inputs.get(next)), training).head());
            }
            return new NDList(scope.keep(emb));
        }
    }

    private static NDArray frequencies(NDManager manager, int half) {
        float[] f = new float[half];
        for (int j = 0; j < half; j++) {
            f[j] = (float) Math.pow(MAX_PERIOD, -(double) j / half);
        }
        return manager.create(f, new Shape(1, half));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        noise1.initialize(manager, dataType, new Shape(1, features));
        noise2.initialize(manager, dataType, new Shape(1, embeddingSize));
        if (classes != null) {
            classes.initialize(manager, dataType, new Shape(1, classCount));
        }
        if (parameters != null) {
            parameters.initialize(manager, dataType, new Shape(1, parameterCount + 1));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), embeddingSize)};
    }
}
