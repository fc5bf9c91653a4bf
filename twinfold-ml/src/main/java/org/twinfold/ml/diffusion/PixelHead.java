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
 * A small refinement at full resolution after a patched U-Net unfolds its output. In a U-Net that
 * folds p x p patches into channels, a single pixel is one of p^2 channels at one position, so a binary
 * pixel that the noise flipped is rarely restored (measured: dozens of isolated wrong pixels per
 * 64 x 64 mask with p = 4). The head convolves each pixel and its eight neighbours in the noisy input
 * and in the U-Net's output, and adds a correction:
 * <pre>
 *   h   = conv3x3(concat(x, out)) + Linear(SiLU(emb))[:, :, None, None]
 *   out = out + conv3x3(SiLU(h))
 * </pre>
 * Inputs: x (N, C, H, W), the network input at full resolution, and out (N, C, H, W), the unfolded
 * U-Net output. The third input, emb (N, E), is the conditioning embedding; it carries the noise
 * level. Output (N, C, H, W).
 * With W hidden channels it costs 27 C W multiply-adds per pixel. With one channel and W = 8, sampling
 * 64 x 64 masks with a base-16 U-Net on 4 x 4 patches took 40% longer (BENCHMARKS.md).
 *
 * <p>NOTE: its effect on quality is measured only with 4 x 4 patches on 64 x 64 masks. On an unpatched
 * U-Net (patch 1, 32 x 32 masks) it did not improve the morphology metrics.
 */
final class PixelHead extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int channels;
    private final int hidden;
    private final int embeddingSize;
    private final PaddedConv conv1;
    private final Linear embedding;
    private final PaddedConv conv2;

    PixelHead(int channels, int hidden, int embeddingSize, Padding padding) {
        super(VERSION);
        this.channels = channels;
        this.hidden = hidden;
        this.embeddingSize = embeddingSize;
        this.conv1 = addChildBlock("conv1", new PaddedConv(2 * channels, hidden, 3, 1, padding));
        this.embedding = addChildBlock("embedding", Linear.builder().setUnits(hidden).build());
        this.conv2 = addChildBlock("conv2", new PaddedConv(hidden, channels, 3, 1, padding));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray out = inputs.get(1);
        NDArray emb = inputs.get(2);
        try (BlockScope scope = BlockScope.open(x, out, emb)) {
            NDArray h = conv1.forward(store, new NDList(x.concat(out, 1)), training).head();
            NDArray e = embedding.forward(store, new NDList(ResidualBlock.silu(emb)), training).head();
            h = h.addi(e.reshape(e.getShape().get(0), hidden, 1, 1));
            NDArray correction = conv2.forward(store, new NDList(ResidualBlock.silu(h)), training).head();
            return new NDList(scope.keep(out.add(correction)));
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv1.initialize(manager, dataType, new Shape(1, 2L * channels, 8, 8));
        embedding.initialize(manager, dataType, new Shape(1, embeddingSize));
        conv2.initialize(manager, dataType, new Shape(1, hidden, 8, 8));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[1]};
    }
}
