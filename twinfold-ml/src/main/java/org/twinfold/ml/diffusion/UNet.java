package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A U-Net in the style of ADM (Dhariwal and Nichol 2021) for the raw network F of EDM:
 * <pre>
 *   conv3x3(channels -> C0)
 *   encoder, level l = 0..L-1: blocksPerLevel residual blocks to C_l, then (l &lt; L-1) a stride-2 conv
 *   middle: residual block, self-attention (optional), residual block
 *   decoder, level l = L-1..0: blocksPerLevel + 1 residual blocks, each fed the concatenation with the
 *       matching encoder output, then (l &gt; 0) nearest-neighbour upsampling and a 3x3 conv
 *   GN, SiLU, conv3x3(C0 -> channels)
 * </pre>
 * with C_l = baseChannels * channelMultipliers[l] and the {@link ConditionEmbedding} added in every
 * residual block. Inputs: x (N, channels, H, W), cNoise (N), then the class one-hot (N, classCount)
 * and the parameters (N, parameterCount + 1) when the config has them. Output (N, channels, H, W).
 * H and W must be multiples of 2^(L-1). With self-conditioning x has 2 channels per image channel:
 * the noisy image, then the previous estimate of the clean image.
 *
 * <p>With a patch p above 1, the image is folded into (N, channels p^2, H/p, W/p) before the first
 * convolution and unfolded after the last, so every level works at 1/p of the resolution. An optional
 * {@link PixelHead} then refines the unfolded output at full resolution.
 *
 * <p>Each block's forward pass runs in its own {@link BlockScope}, so resident memory stays flat
 * across training steps and sampling calls.
 */
public final class UNet extends AbstractBlock {
    private static final byte VERSION = 1;

    private final UNetConfig config;
    private final ConditionEmbedding embedding;
    private final PaddedConv input;
    private final List<Block> encoder = new ArrayList<>();
    private final List<Block> middle = new ArrayList<>();
    private final List<Block> decoder = new ArrayList<>();
    private final GroupNorm outputNorm;
    private final PaddedConv output;
    private final PixelHead pixelHead;

    public UNet(UNetConfig config) {
        super(VERSION);
        this.config = config;
        int e = config.embeddingSize();
        int groups = config.maxGroups();
        Padding padding = config.padding();
        this.embedding = addChildBlock("embedding", new ConditionEmbedding(config.baseChannels(), e,
                config.classCount(), config.parameterCount()));

        int channels = config.channelsAt(0);
        this.input = addChildBlock("input", new PaddedConv(config.foldedInputChannels(), channels, 3, 1,
                padding));
        Deque<Integer> skips = new ArrayDeque<>();
        skips.push(channels);
        for (int level = 0; level < config.levels(); level++) {
            for (int b = 0; b < config.blocksPerLevel(); b++) {
                int out = config.channelsAt(level);
                encoder.add(addChildBlock("enc", new ResidualBlock(channels, out, e, groups, padding, config.adaptiveScale())));
                channels = out;
                skips.push(channels);
            }
            if (level < config.levels() - 1) {
                encoder.add(addChildBlock("down", new PaddedConv(channels, channels, 3, 2, padding)));
                skips.push(channels);
            }
        }

        middle.add(addChildBlock("mid", new ResidualBlock(channels, channels, e, groups, padding, config.adaptiveScale())));
        if (config.attention()) {
            middle.add(addChildBlock("attention", new SelfAttention(channels, config.attentionHeads(), groups)));
        }
        middle.add(addChildBlock("mid", new ResidualBlock(channels, channels, e, groups, padding, config.adaptiveScale())));

        for (int level = config.levels() - 1; level >= 0; level--) {
            for (int b = 0; b <= config.blocksPerLevel(); b++) {
                int out = config.channelsAt(level);
                decoder.add(addChildBlock("dec", new ResidualBlock(channels + skips.pop(), out, e, groups, padding, config.adaptiveScale())));
                channels = out;
            }
            if (level > 0) {
                decoder.add(addChildBlock("up", new Upsample(channels, padding)));
            }
        }
        this.outputNorm = addChildBlock("outputNorm", GroupNorm.forChannels(channels, groups));
        this.output = addChildBlock("output", new PaddedConv(channels, config.foldedChannels(), 3, 1, padding));
        this.pixelHead = config.pixelHead() == 0 ? null : addChildBlock("pixelHead",
                new PixelHead(config.channels(), config.pixelHead(), e, padding));
    }

    public UNetConfig config() {
        return config;
    }

    /** Builds the network and initializes its parameters on {@code manager} from the engine's seed. */
    public static UNet create(UNetConfig config, NDManager manager) {
        UNet unet = new UNet(config);
        unet.initialize(manager, DataType.FLOAT32, new Shape(1, config.inputChannels(), 8L * config.patch(),
                8L * config.patch()));
        return unet;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        requireShape(x.getShape());
        NDList conditions = new NDList(inputs.subList(1, inputs.size()));
        try (BlockScope scope = BlockScope.open(x, conditions.toArray(new NDArray[0]))) {
            NDArray emb = embedding.forward(store, conditions, training).head();

            NDArray h = input.forward(store, new NDList(fold(x, config.patch())), training).head();
            Deque<NDArray> skips = new ArrayDeque<>();
            skips.push(h);
            for (Block block : encoder) {
                h = block.forward(store, new NDList(h, emb), training).head();
                skips.push(h);
            }
            for (Block block : middle) {
                h = block.forward(store, new NDList(h, emb), training).head();
            }
            for (Block block : decoder) {
                if (block instanceof ResidualBlock) {
                    h = h.concat(skips.pop(), 1);
                }
                h = block.forward(store, new NDList(h, emb), training).head();
            }

            NDArray normalized = outputNorm.forward(store, new NDList(h), training).head();
            NDArray out = output.forward(store, new NDList(ResidualBlock.silu(normalized)), training).head();
            NDArray full = unfold(out, config.patch());
            if (pixelHead != null) {
                NDArray noisy = config.selfCondition() ? x.get(":, 0:" + config.channels()) : x;
                full = pixelHead.forward(store, new NDList(noisy, full, emb), training).head();
            }
            return new NDList(scope.keep(full));
        }
    }

    /** Folds p x p patches into channels: (N, C, H, W) to (N, C p^2, H/p, W/p). */
    static NDArray fold(NDArray x, int p) {
        if (p == 1) {
            return x;
        }
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2) / p;
        long w = s.get(3) / p;
        return x.reshape(n, c, h, p, w, p).transpose(0, 1, 3, 5, 2, 4).reshape(n, c * p * p, h, w);
    }

    /** Inverse of {@link #fold}: (N, C p^2, H, W) to (N, C, H p, W p). */
    static NDArray unfold(NDArray x, int p) {
        if (p == 1) {
            return x;
        }
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1) / ((long) p * p);
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(n, c, p, p, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c, h * p, w * p);
    }

    private void requireShape(Shape shape) {
        int multiple = config.sizeMultiple();
        if (shape.dimension() != 4 || shape.get(1) != config.inputChannels()
                || shape.get(2) % multiple != 0 || shape.get(3) % multiple != 0) {
            throw new IllegalArgumentException("the U-Net expects (N, " + config.inputChannels() + ", H, W) with H"
                    + " and W multiples of " + multiple + " (" + config.levels() + " levels), but got " + shape
                    + "; crop or pad the lattice, or use fewer levels");
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : getChildren().values()) {
            // Every child infers its own input widths, so the shape passed here is only a placeholder.
            child.initialize(manager, dataType, new Shape(1, 1, 8, 8));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), config.channels(), in.get(2), in.get(3))};
    }
}
