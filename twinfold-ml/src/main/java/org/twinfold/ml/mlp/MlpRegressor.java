package org.twinfold.ml.mlp;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.twinfold.ml.DjlEngine;
import org.twinfold.ml.train.BatchSupplier;
import org.twinfold.ml.train.Checkpoint;
import org.twinfold.ml.train.NamedArrays;
import org.twinfold.ml.train.TrainingConfig;
import org.twinfold.ml.train.TrainingListener;
import org.twinfold.ml.train.TrainingLoop;
import org.twinfold.ml.train.TrainingLoss;

/**
 * An MLP regressor for deterministic fields: a normalized parameter vector, shape (n, p), to a
 * flattened field, shape (n, d). Trained on the mean squared error of the normalized outputs
 * with {@link TrainingLoop}; the normalization is fitted on the training data and saved in every
 * checkpoint. After training with EMA on, and after {@link #load} of a checkpoint with EMA weights,
 * predictions use the EMA weights.
 *
 * <p>Thread-safe: {@link #predict} is synchronized. Close it to free the native memory.
 */
public final class MlpRegressor implements AutoCloseable {
    /** Rows per forward pass in {@link #predict}, which bounds the activation memory. */
    static final int PREDICT_BATCH = 1024;
    private static final String FAMILY = "mlp";

    private final MlpArchitecture architecture;
    private final Normalization normalization;
    private final NDManager manager;
    private final Block block;

    private MlpRegressor(MlpArchitecture architecture, Normalization normalization, NDManager manager, Block block) {
        this.architecture = architecture;
        this.normalization = normalization;
        this.manager = manager;
        this.block = block;
    }

    /** Trains without checkpoints; see {@link #train(float[][], float[][], MlpOptions, TrainingConfig, Path, TrainingListener)}. */
    public static MlpRegressor train(float[][] inputs, float[][] outputs, MlpOptions options, TrainingConfig config) {
        return train(inputs, outputs, options, config, null, report -> { });
    }

    /**
     * Fits the normalization, builds the network with weights from {@code config.seed()} and trains it.
     *
     * @param inputs (n, p) parameter vectors, finite
     * @param outputs (n, d) flattened fields, finite
     * @param checkpointFolder where checkpoints go and training resumes from; null for none
     * @throws IllegalArgumentException naming the row and column of the first NaN or infinite value
     */
    public static MlpRegressor train(float[][] inputs, float[][] outputs, MlpOptions options, TrainingConfig config,
            Path checkpointFolder, TrainingListener listener) {
        int p = TrainingData.requireFiniteMatrix(inputs, "training inputs");
        int d = TrainingData.requireFiniteMatrix(outputs, "training outputs");
        if (inputs.length != outputs.length) {
            throw new IllegalArgumentException("training inputs have " + inputs.length + " rows but outputs have "
                    + outputs.length + "; each input row needs one output row");
        }

        Normalization normalization = Normalization.fit(options.inputScaling(), inputs, outputs, options.inputRanges());
        MlpArchitecture architecture = new MlpArchitecture(p, d, options.hiddenWidths(), options.activation());
        float[] x = normalization.normalizeInputs(inputs);
        float[] y = new float[outputs.length * d];
        for (int row = 0; row < outputs.length; row++) {
            System.arraycopy(normalization.normalizeOutputs(outputs[row]), 0, y, row * d, d);
        }

        DjlEngine.start();
        NDManager manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed((int) config.seed());
        Block block = architecture.newBlock(manager);
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("family", FAMILY);
        metadata.set("architecture", architecture.toJson());
        metadata.set("caller", options.metadata());

        TrainingLoop.Builder builder = TrainingLoop.builder().setBlock(block).setConfig(config)
                .setLoss(meanSquaredError()).setBatches(batches(x, y, p, d, options.batchSize()))
                .optListener(listener).optNormalization(normalization.toJson()).optMetadata(metadata)
                .optTrainer(MlpRegressor.class.getName(), Map.of("mlp.architecture", architecture.toJson().toString(),
                        "mlp.batchSize", Integer.toString(options.batchSize()),
                        "mlp.inputScaling", options.inputScaling().name()));
        if (checkpointFolder != null) {
            builder.optCheckpointFolder(checkpointFolder);
        }
        try (TrainingLoop loop = builder.build()) {
            loop.run();
            loop.ema().ifPresent(average -> average.copyInto(loop.parameters()));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        return new MlpRegressor(architecture, normalization, manager, block);
    }

    /**
     * Loads a trained regressor from a checkpoint folder, or from the newest checkpoint in a folder of
     * checkpoints. The EMA weights are used when the checkpoint contains them.
     */
    public static MlpRegressor load(Path checkpointFolder) throws IOException {
        Checkpoint checkpoint = Checkpoint.read(checkpointFolder);
        String family = checkpoint.metadata().path("family").asText();
        if (!FAMILY.equals(family)) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.folder() + " contains a '" + family
                    + "' model, not an MLP regressor");
        }
        MlpArchitecture architecture = MlpArchitecture.fromJson(checkpoint.metadata().get("architecture"));
        Normalization normalization = Normalization.fromJson(checkpoint.normalization());

        DjlEngine.start();
        NDManager manager = NDManager.newBaseManager();
        try {
            Block block = architecture.newBlock(manager);
            Map<String, NDArray> parameters = NamedArrays.parametersOf(block);
            checkpoint.loadWeightsInto(parameters, checkpoint.state().hasEma(), manager);
            NamedArrays.freeze(parameters);
            return new MlpRegressor(architecture, normalization, manager, block);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Predicts the fields of {@code inputs}, in batches of {@value #PREDICT_BATCH} rows.
     *
     * @param inputs (n, p) parameter vectors in the training units, finite
     * @return (n, d) fields in the training units
     */
    public synchronized float[][] predict(float[][] inputs) {
        int p = TrainingData.requireFiniteMatrix(inputs, "prediction inputs");
        if (p != architecture.inputSize()) {
            throw new IllegalArgumentException("prediction inputs have " + p + " columns; the network expects "
                    + architecture.inputSize());
        }
        int d = architecture.outputSize();
        float[] flat = new float[inputs.length * d];
        ParameterStore store = new ParameterStore(manager, false);
        for (int start = 0; start < inputs.length; start += PREDICT_BATCH) {
            int rows = Math.min(PREDICT_BATCH, inputs.length - start);
            float[][] slice = Arrays.copyOfRange(inputs, start, start + rows);
            try (NDScope scope = new NDScope(); NDManager batchManager = manager.newSubManager()) {
                scope.suppressNotUsedWarning();
                NDArray x = batchManager.create(normalization.normalizeInputs(slice), new Shape(rows, p));
                NDArray z = block.forward(store, new NDList(x), false).singletonOrThrow();
                System.arraycopy(z.toFloatArray(), 0, flat, start * d, rows * d);
            }
        }
        return normalization.denormalizeOutputs(flat, inputs.length);
    }

    public MlpArchitecture architecture() {
        return architecture;
    }

    public Normalization normalization() {
        return normalization;
    }

    /** Returns the network, for callers that need the DJL block (its parameters stay owned by this regressor). */
    public Block block() {
        return block;
    }

    @Override
    public synchronized void close() {
        manager.close();
    }

    static TrainingLoss meanSquaredError() {
        return (context, batch) -> {
            NDArray prediction = context.forward(new NDList(batch.get(0))).singletonOrThrow();
            return prediction.sub(batch.get(1)).square().mean();
        };
    }

    /** Draws {@code batchSize} rows uniformly with replacement, from the step's random source. */
    static BatchSupplier batches(float[] x, float[] y, int p, int d, int batchSize) {
        int rows = x.length / p;
        return context -> {
            float[] batchX = new float[batchSize * p];
            float[] batchY = new float[batchSize * d];
            for (int i = 0; i < batchSize; i++) {
                int row = context.random().nextInt(rows);
                System.arraycopy(x, row * p, batchX, i * p, p);
                System.arraycopy(y, row * d, batchY, i * d, d);
            }
            NDManager stepManager = context.manager();
            return new NDList(stepManager.create(batchX, new Shape(batchSize, p)),
                    stepManager.create(batchY, new Shape(batchSize, d)));
        };
    }
}
