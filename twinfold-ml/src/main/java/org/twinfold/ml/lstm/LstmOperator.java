package org.twinfold.ml.lstm;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.ml.DjlEngine;
import org.twinfold.ml.train.Checkpoint;
import org.twinfold.ml.train.NamedArrays;
import org.twinfold.ml.train.TrainingConfig;
import org.twinfold.ml.train.TrainingListener;
import org.twinfold.ml.train.TrainingLoop;
import org.twinfold.ml.train.TrainingLoss;
import org.twinfold.ml.train.TrainingResult;

/**
 * The learned time-evolution operator {@code x(t + Delta_R) = R[x(t - (w-1) Delta_R), ..., x(t)]}: a
 * window of w frames, shape (n, w, d), to the next frame, shape (n, d), both in the trajectory's
 * units. Frames are min-max scaled to [-1, 1] ({@link MinMaxScaling}) or standardized
 * ({@link Standardization}) around the network. The network predicts the next frame itself or, with a
 * residual {@link PredictionTarget}, the scaled residual over a base computed from the window (the last
 * frame, or the constant-velocity extrapolation {@code 2 x(t) - x(t - Delta_R)}), which is added
 * back. The network is {@link LstmArchitecture}, trained on the mean squared error of its scaled targets
 * with {@link TrainingLoop}. The scalings, the target and the structure are saved in every checkpoint.
 * After training with EMA on, and after {@link #load} of a checkpoint with EMA weights, predictions use
 * the EMA weights.
 *
 * <p>Thread-safe: {@link #predict} and {@link Rollout} lock this object. Close it to free the native
 * memory.
 */
public final class LstmOperator implements AutoCloseable {
    /** Windows per forward pass in {@link #predict}, which bounds the activation memory. */
    static final int PREDICT_BATCH = 4096;
    /** Family name in the checkpoint metadata of an operator. */
    public static final String FAMILY = "lstm-operator";
    /** Key of the prediction target inside the checkpoint's normalization. */
    private static final String TARGET = "target";
    /** Key of the residual scaling inside the checkpoint's normalization. */
    private static final String TARGET_SCALING = "targetScaling";
    /** Key of the increment scaling in checkpoints written before {@value #TARGET} existed. */
    private static final String INCREMENTS = "increments";
    private static final Logger LOG = LoggerFactory.getLogger(LstmOperator.class);

    private final LstmArchitecture architecture;
    private final ComponentScaling scaling;
    private final PredictionTarget target;
    /** Scaling of the residuals; null for {@link PredictionTarget#NEXT_FRAME}. */
    private final ComponentScaling targetScaling;
    private final NDManager manager;
    private final Block block;

    private LstmOperator(LstmArchitecture architecture, ComponentScaling scaling, PredictionTarget target,
            ComponentScaling targetScaling, NDManager manager, Block block) {
        this.architecture = architecture;
        this.scaling = scaling;
        this.target = target;
        this.targetScaling = targetScaling;
        this.manager = manager;
        this.block = block;
    }

    /** Trains without checkpoints; see {@link #train(float[][][], LstmOptions, TrainingConfig, Path, TrainingListener)}. */
    public static LstmTraining train(float[][][] trajectories, LstmOptions options, TrainingConfig config) {
        return train(trajectories, options, config, null, report -> { });
    }

    /**
     * Splits the trajectories 80/20 (by default) into training and validation sets, fits the scaling on
     * the training set, builds the network with weights from {@code config.seed()} and trains it on
     * random windows of the training set. With a checkpoint folder, training resumes from the newest
     * checkpoint there.
     *
     * @param trajectories (trajectories, frames, d), each already subsampled at the operator's step
     *     Delta_R and with more than {@code options.windowLength()} frames, finite
     * @param checkpointFolder where checkpoints go and training resumes from; null for none
     * @throws IllegalArgumentException naming the trajectory, frame and component of the first bad value
     */
    public static LstmTraining train(float[][][] trajectories, LstmOptions options, TrainingConfig config,
            Path checkpointFolder, TrainingListener listener) {
        int d = FrameWindows.requireTrajectories(trajectories, options.windowLength());
        int[][] split = FrameWindows.split(trajectories.length, options.validationFraction(), config.seed());
        int w = options.windowLength();
        PredictionTarget target = options.target();
        ComponentScaling scaling = options.standardize()
                ? Standardization.fit(FrameWindows.frames(trajectories, split[0]), d)
                : MinMaxScaling.fit(trajectories, split[0]);
        ComponentScaling targetScaling = fitTargetScaling(trajectories, split[0], options, d);
        FrameWindows training = FrameWindows.of(trajectories, split[0], w, scaling, target, targetScaling);
        FrameWindows validation = FrameWindows.of(trajectories, split[1], w, scaling, target, targetScaling);
        LstmArchitecture architecture = options.architecture(d);
        LOG.info("LSTM operator: {} training and {} validation trajectories, {} and {} windows, {} parameters",
                split[0].length, split[1].length, training.count(), validation.count(),
                architecture.pytorchParameterCount());

        DjlEngine.start();
        NDManager manager = NDManager.newBaseManager();
        try {
            Engine.getInstance().setRandomSeed((int) config.seed());
            Block block = architecture.newBlock(manager);
            LstmOperator operator = new LstmOperator(architecture, scaling, target, targetScaling, manager, block);
            TrainingResult result = runLoop(operator, training, options, config, checkpointFolder, listener);
            double validationMse = validation.count() > 0 ? operator.scaledMeanSquaredError(validation) : Double.NaN;
            return new LstmTraining(operator, result, validationMse, split[0], split[1]);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Loads a trained operator from a checkpoint folder, or from the newest checkpoint in a folder of
     * checkpoints. The EMA weights are used when the checkpoint contains them.
     */
    public static LstmOperator load(Path checkpointFolder) throws IOException {
        Checkpoint checkpoint = Checkpoint.read(checkpointFolder);
        String family = checkpoint.metadata().path("family").asText();
        if (!FAMILY.equals(family)) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.folder() + " contains a '" + family
                    + "' model, not an LSTM operator");
        }
        LstmArchitecture architecture = LstmArchitecture.fromJson(checkpoint.metadata().path("architecture"));
        JsonNode normalization = checkpoint.normalization();
        ComponentScaling scaling = ComponentScaling.fromJson(normalization);
        PredictionTarget target;
        ComponentScaling targetScaling;
        if (normalization.path(INCREMENTS).isObject()) {
            target = PredictionTarget.INCREMENT;
            targetScaling = ComponentScaling.fromJson(normalization.path(INCREMENTS));
        } else {
            target = target(normalization.path(TARGET).asText(PredictionTarget.NEXT_FRAME.name()), checkpoint);
            targetScaling = target == PredictionTarget.NEXT_FRAME ? null
                    : ComponentScaling.fromJson(normalization.path(TARGET_SCALING));
        }

        DjlEngine.start();
        NDManager manager = NDManager.newBaseManager();
        try {
            Block block = architecture.newBlock(manager);
            Map<String, NDArray> parameters = NamedArrays.parametersOf(block);
            checkpoint.loadWeightsInto(parameters, checkpoint.state().hasEma(), manager);
            NamedArrays.freeze(parameters);
            return new LstmOperator(architecture, scaling, target, targetScaling, manager, block);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Predicts the frame after each window, in batches of {@value #PREDICT_BATCH} windows.
     *
     * @param windows (n, w, d) in the trajectory's units, oldest frame first, finite
     * @return (n, d) next frames in the trajectory's units
     */
    public synchronized float[][] predict(float[][][] windows) {
        int w = architecture.windowLength();
        int d = architecture.frameSize();
        requireWindows(windows, "prediction windows");

        float[] scaled = new float[windows.length * d];
        for (int start = 0; start < windows.length; start += PREDICT_BATCH) {
            int rows = Math.min(PREDICT_BATCH, windows.length - start);
            float[] flat = new float[rows * w * d];
            for (int row = 0; row < rows; row++) {
                for (int f = 0; f < w; f++) {
                    System.arraycopy(windows[start + row][f], 0, flat, (row * w + f) * d, d);
                }
            }
            scaling.scaleInPlace(flat);
            System.arraycopy(forwardScaled(flat, rows), 0, scaled, start * d, rows * d);
        }
        if (target == PredictionTarget.NEXT_FRAME) {
            return scaling.unscale(scaled);
        }
        float[][] next = targetScaling.unscale(scaled);
        for (int row = 0; row < windows.length; row++) {
            for (int k = 0; k < d; k++) {
                next[row][k] = (float) (next[row][k] + target.base(windows[row], w - 1, k));
            }
        }
        return next;
    }

    /** Returns the parameter count of the live DJL network; it equals {@link LstmArchitecture#pytorchParameterCount()}. */
    public long parameterCount() {
        long count = 0;
        for (NDArray array : NamedArrays.parametersOf(block).values()) {
            count += array.size();
        }
        return count;
    }

    public LstmArchitecture architecture() {
        return architecture;
    }

    /** Returns the scaling of the input frames (and of the predicted frame for {@link PredictionTarget#NEXT_FRAME}). */
    public ComponentScaling scaling() {
        return scaling;
    }

    public PredictionTarget target() {
        return target;
    }

    /** Returns the scaling of the predicted residuals, or empty when the network predicts whole frames. */
    public Optional<ComponentScaling> targetScaling() {
        return Optional.ofNullable(targetScaling);
    }

    /** Returns the network, for callers that need the DJL block (its parameters stay owned by this operator). */
    public Block block() {
        return block;
    }

    @Override
    public synchronized void close() {
        manager.close();
    }

    /** Returns the manager that owns the parameters; rollouts open their sub-managers on it. */
    NDManager manager() {
        return manager;
    }

    /** Runs the network in inference mode on a scaled window batch (n, w, d); the result is on the input's manager. */
    NDArray forward(NDArray scaledWindows, ParameterStore store) {
        return block.forward(store, new NDList(scaledWindows), false).singletonOrThrow();
    }

    /** Checks that windows are (n, w, d) with this operator's w and d and finite values. */
    void requireWindows(float[][][] windows, String role) {
        if (windows == null || windows.length == 0) {
            throw new IllegalArgumentException(role + " are empty; pass at least one (w, d) window");
        }
        for (int i = 0; i < windows.length; i++) {
            if (windows[i].length != architecture.windowLength()) {
                throw new IllegalArgumentException(role + " " + i + " has " + windows[i].length
                        + " frames; the operator expects " + architecture.windowLength());
            }
            FrameWindows.requireFrames(windows[i], architecture.frameSize(), role + " " + i);
        }
    }

    /** Returns the mean squared error over all windows and components, in scaled units. */
    private synchronized double scaledMeanSquaredError(FrameWindows windows) {
        int w = architecture.windowLength();
        int d = architecture.frameSize();
        double sum = 0;
        for (int start = 0; start < windows.count(); start += PREDICT_BATCH) {
            int rows = Math.min(PREDICT_BATCH, windows.count() - start);
            float[] flat = new float[rows * w * d];
            System.arraycopy(windows.inputs(), start * w * d, flat, 0, rows * w * d);
            float[] predicted = forwardScaled(flat, rows);
            for (int i = 0; i < rows * d; i++) {
                double error = predicted[i] - windows.targets()[start * d + i];
                sum += error * error;
            }
        }
        return sum / ((double) windows.count() * d);
    }

    private float[] forwardScaled(float[] flat, int rows) {
        ParameterStore store = new ParameterStore(manager, false);
        try (NDScope scope = new NDScope(); NDManager batchManager = manager.newSubManager()) {
            scope.suppressNotUsedWarning();
            NDArray x = batchManager.create(flat, new Shape(rows, architecture.windowLength(), architecture.frameSize()));
            return forward(x, store).toFloatArray();
        }
    }

    private static PredictionTarget target(String name, Checkpoint checkpoint) {
        try {
            return PredictionTarget.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.folder() + " has the unknown prediction target '"
                    + name + "'; this code reads " + Arrays.toString(PredictionTarget.values())
                    + ", so update twinfold to read it", e);
        }
    }

    /** Fits the residual scaling on the training windows; null for {@link PredictionTarget#NEXT_FRAME}. */
    private static ComponentScaling fitTargetScaling(float[][][] trajectories, int[] selected, LstmOptions options,
            int d) {
        if (options.target() == PredictionTarget.NEXT_FRAME) {
            return null;
        }
        Iterable<float[]> residuals = FrameWindows.residuals(trajectories, selected, options.windowLength(),
                options.target());
        return options.standardize() ? Standardization.fit(residuals, d)
                : MinMaxScaling.fitQuantiles(residuals, FrameWindows.count(trajectories, selected,
                        options.windowLength()), d, options.incrementTail());
    }

    /**
     * Returns the checkpoint's normalization: the input scaling, with the target's name under
     * {@value #TARGET} and the residual scaling under {@value #TARGET_SCALING}.
     */
    private ObjectNode normalization() {
        ObjectNode node = scaling.toJson();
        node.put(TARGET, target.name());
        if (targetScaling != null) {
            node.set(TARGET_SCALING, targetScaling.toJson());
        }
        return node;
    }

    private static TrainingResult runLoop(LstmOperator operator, FrameWindows training, LstmOptions options,
            TrainingConfig config, Path checkpointFolder, TrainingListener listener) {
        LstmArchitecture architecture = operator.architecture;
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("family", FAMILY);
        metadata.set("architecture", architecture.toJson());
        metadata.set("caller", options.metadata());

        TrainingLoop.Builder builder = TrainingLoop.builder().setBlock(operator.block).setConfig(config)
                .setLoss(meanSquaredError())
                .setBatches(new WindowBatches(training, architecture, options, operator.scaling, operator.target,
                        operator.targetScaling))
                .optListener(listener).optNormalization(operator.normalization()).optMetadata(metadata)
                .optTrainer(LstmOperator.class.getName(), Map.of(
                        "lstm.architecture", architecture.toJson().toString(),
                        "lstm.batchSize", Integer.toString(options.batchSize()),
                        "lstm.validationFraction", Double.toString(options.validationFraction()),
                        "lstm.target", operator.target.name(),
                        "lstm.standardize", Boolean.toString(options.standardize()),
                        "lstm.inputNoise", Double.toString(options.inputNoise())));
        if (checkpointFolder != null) {
            builder.optCheckpointFolder(checkpointFolder);
        }
        try (TrainingLoop loop = builder.build()) {
            TrainingResult result = loop.run();
            loop.ema().ifPresent(average -> average.copyInto(loop.parameters()));
            return result;
        }
    }

    private static TrainingLoss meanSquaredError() {
        return (context, batch) -> {
            NDArray prediction = context.forward(new NDList(batch.get(0))).singletonOrThrow();
            return prediction.sub(batch.get(1)).square().mean();
        };
    }
}
