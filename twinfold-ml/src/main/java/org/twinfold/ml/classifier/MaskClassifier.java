package org.twinfold.ml.classifier;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.ml.DjlEngine;
import org.twinfold.ml.LatticeSymmetry;
import org.twinfold.ml.train.BatchSupplier;
import org.twinfold.ml.train.LearningRateSchedule;
import org.twinfold.ml.train.TrainingConfig;
import org.twinfold.ml.train.TrainingListener;
import org.twinfold.ml.train.TrainingLoop;
import org.twinfold.ml.train.TrainingLoss;

/**
 * A small CNN that assigns a binary mask to one of K classes. It has three stages of a 3 x 3
 * convolution (c, 2c, 4c filters, zero padding) with ReLU, the first two followed by 2 x 2 max
 * pooling, then global average pooling and a linear layer to K logits. Input: masks as
 * (N, 1, H, W) with background -1 and foreground +1.
 *
 * <p>Training minimizes the softmax cross-entropy -mean_i log p(y_i | x_i) with Adam on the shared
 * {@link TrainingLoop}. Each drawn mask is shifted periodically by a random offset and mapped by a
 * random symmetry of the square (any of 8 when H = W, else the 4 flips), because the lattice
 * simulations are periodic and isotropic, so neither position nor orientation carries class
 * information. Same data, options and thread count give the same weights.
 *
 * <p>Thread-safe: {@link #predict} is synchronized. Close it to free the native memory.
 */
public final class MaskClassifier implements AutoCloseable {
    /** Masks per forward pass in {@link #predict}, which bounds the activation memory. */
    static final int PREDICT_BATCH = 256;
    private static final Logger LOG = LoggerFactory.getLogger(MaskClassifier.class);

    private final NDManager manager;
    private final Block block;
    private final int height;
    private final int width;
    private final int classCount;

    private MaskClassifier(NDManager manager, Block block, int height, int width, int classCount) {
        this.manager = manager;
        this.block = block;
        this.height = height;
        this.width = width;
        this.classCount = classCount;
    }

    /** Builds a network with weights from {@code options.seed()} and trains it on {@code data}. */
    public static MaskClassifier train(LabelledMasks data, ClassifierOptions options, TrainingListener listener) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("no training masks; the classifier needs at least one per class");
        }
        DjlEngine.start();
        NDManager manager = NDManager.newBaseManager();
        try {
            Engine.getInstance().setRandomSeed((int) options.seed());
            Block block = network(options.channels(), data.classCount());
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, data.height(), data.width()));
            TrainingConfig config = TrainingConfig.builder().setTotalSteps(options.steps()).setSeed(options.seed())
                    .setSchedule(LearningRateSchedule.constant(options.learningRate()))
                    .optCheckpointEvery(Long.MAX_VALUE).build();
            long start = System.nanoTime();
            try (TrainingLoop loop = TrainingLoop.builder().setBlock(block).setConfig(config)
                    .setLoss(crossEntropy(data.classCount())).setBatches(augmentedBatches(data, options.batchSize()))
                    .optListener(listener).optTrainer(MaskClassifier.class.getName(), java.util.Map.of(
                            "classifier.channels", Integer.toString(options.channels()),
                            "classifier.batchSize", Integer.toString(options.batchSize())))
                    .build()) {
                loop.run();
            }
            LOG.info("classifier of {} classes trained on {} masks of {} x {} in {} s", data.classCount(), data.size(),
                    data.height(), data.width(), String.format("%.1f", (System.nanoTime() - start) * 1e-9));
            return new MaskClassifier(manager, block, data.height(), data.width(), data.classCount());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Returns the most probable class of each mask.
     *
     * @param masks (count, H, W) flat, of the training height and width; nonzero is foreground
     */
    public synchronized int[] predict(byte[] masks) {
        int sites = height * width;
        if (masks.length % sites != 0) {
            throw new IllegalArgumentException(masks.length + " mask values are not a whole number of " + height
                    + " x " + width + " masks; give masks of the training size");
        }
        int count = masks.length / sites;
        int[] classes = new int[count];
        ParameterStore store = new ParameterStore(manager, false);
        for (int start = 0; start < count; start += PREDICT_BATCH) {
            int rows = Math.min(PREDICT_BATCH, count - start);
            float[] x = new float[rows * sites];
            for (int i = 0; i < x.length; i++) {
                x[i] = masks[start * sites + i] != 0 ? 1f : -1f;
            }
            try (NDScope scope = new NDScope(); NDManager batch = manager.newSubManager()) {
                scope.suppressNotUsedWarning();
                NDArray input = batch.create(x, new Shape(rows, 1, height, width));
                NDArray logits = block.forward(store, new NDList(input), false).singletonOrThrow();
                long[] best = logits.argMax(1).toType(DataType.INT64, false).toLongArray();
                for (int i = 0; i < rows; i++) {
                    classes[start + i] = (int) best[i];
                }
            }
        }
        return classes;
    }

    public int classCount() {
        return classCount;
    }

    @Override
    public synchronized void close() {
        manager.close();
    }

    static Block network(int channels, int classCount) {
        SequentialBlock block = new SequentialBlock();
        int filters = channels;
        for (int stage = 0; stage < 3; stage++) {
            block.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters)
                    .build());
            block.add(Activation.reluBlock());
            if (stage < 2) {
                block.add(Pool.maxPool2dBlock(new Shape(2, 2)));
            }
            filters *= 2;
        }
        block.add(Pool.globalAvgPool2dBlock());
        block.add(Blocks.batchFlattenBlock());
        block.add(Linear.builder().setUnits(classCount).build());
        return block;
    }

    /** Returns -mean_i log softmax(z_i)[y_i], with the labels given one-hot as the batch's second array. */
    static TrainingLoss crossEntropy(int classCount) {
        return (context, batch) -> {
            NDArray logits = context.forward(new NDList(batch.get(0))).singletonOrThrow();
            // Products with Java scalars are avoided here: DJL frees such scalars before backward.
            return logits.logSoftmax(1).mul(batch.get(1)).sum(new int[] {1}).neg().mean();
        };
    }

    /**
     * Draws {@code batchSize} masks uniformly with replacement from the step's random source, each
     * shifted periodically and mapped by a random symmetry. The batch is (masks (N, 1, H, W) in
     * {-1, +1}, one-hot labels (N, K)).
     */
    static BatchSupplier augmentedBatches(LabelledMasks data, int batchSize) {
        int height = data.height();
        int width = data.width();
        int sites = height * width;
        int symmetries = height == width ? 8 : 4;
        return context -> {
            SplittableRandom random = context.random();
            float[] x = new float[batchSize * sites];
            float[] oneHot = new float[batchSize * data.classCount()];
            for (int i = 0; i < batchSize; i++) {
                int row = random.nextInt(data.size());
                int dy = random.nextInt(height);
                int dx = random.nextInt(width);
                int symmetry = random.nextInt(symmetries);
                for (int y = 0; y < height; y++) {
                    for (int xx = 0; xx < width; xx++) {
                        int source = LatticeSymmetry.source(symmetry, (y + dy) % height, (xx + dx) % width, height, width);
                        x[i * sites + y * width + xx] = data.masks()[row * sites + source] != 0 ? 1f : -1f;
                    }
                }
                oneHot[i * data.classCount() + data.labels()[row]] = 1f;
            }
            NDManager manager = context.manager();
            return new NDList(manager.create(x, new Shape(batchSize, 1, height, width)),
                    manager.create(oneHot, new Shape(batchSize, data.classCount())));
        };
    }
}
