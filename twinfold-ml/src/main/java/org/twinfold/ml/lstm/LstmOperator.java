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
 * With {@link FrameFeatures} (an option), every input frame also carries its standardized or min-max scaled
 * features, computed from the frame and its trajectory's parameters, and the checkpoint records the
 * features' description.
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
    /** Key of the feature scaling inside the checkpoint's normalization. */
    private static final String FEATURE_SCALING = "featureScaling";
    /** Key of the features' description inside the checkpoint's metadata. */
    private static final String FEATURES = "features";
    /** Key of the increment scaling in checkpoints written before {@value #TARGET} existed. */
    private static final String INCREMENTS = "increments";
    private static final Logger LOG = LoggerFactory.getLogger(LstmOperator.class);

    private final LstmArchitecture architecture;
    private final ComponentScaling scaling;
    private final InputFrames inputs;
    private final PredictionTarget target;
    /** Scaling of the residuals; null for {@link PredictionTarget#NEXT_FRAME}. */
    private final ComponentScaling targetScaling;
    private final NDManager manager;
    private final Block block;

    private LstmOperator(LstmArchitecture architecture, InputFrames inputs, PredictionTarget target,
            ComponentScaling targetScaling, NDManager manager, Block block) {
        this.architecture = architecture;
        this.scaling = inputs.scaling();
        this.inputs = inputs;
        this.target = target;
        this.targetScaling = targetScaling;
        this.manager = manager;
        this.block = block;
    }

    /** Trains without checkpoints; see {@link #train(float[][][], double[][], LstmOptions, TrainingConfig, Path, TrainingListener)}. */
    public static LstmTraining train(float[][][] trajectories, LstmOptions options, TrainingConfig config) {
        return train(trajectories, null, options, config, null, report -> { });
    }

    /** Trains an operator without features; see {@link #train(float[][][], double[][], LstmOptions, TrainingConfig, Path, TrainingListener)}. */
    public static LstmTraining train(float[][][] trajectories, LstmOptions options, TrainingConfig config,
            Path checkpointFolder, TrainingListener listener) {
        return train(trajectories, null, options, config, checkpointFolder, listener);
    }

    /**
     * Splits the trajectories 80/20 (by default) into training and validation sets, fits the scaling on
     * the training set, builds the network with weights from {@code config.seed()} and trains it on
     * random windows of the training set. With a checkpoint folder, training resumes from the newest
     * checkpoint there.
     *
     * @param trajectories (trajectories, frames, d), each already subsampled at the operator's step
     *     Delta_R and with more than {@code options.windowLength()} frames, finite
     * @param parameters per trajectory, the parameters that {@code options.features()} read (such as the
     *     mass); null when the options have no features
     * @param checkpointFolder where checkpoints go and training resumes from; null for none
     * @throws IllegalArgumentException naming the trajectory, frame and component of the first bad value,
     *     or the trajectory that lacks parameters its features need
     */
    public static LstmTraining train(float[][][] trajectories, double[][] parameters, LstmOptions options,
            TrainingConfig config, Path checkpointFolder, TrainingListener listener) {
        int d = FrameWindows.requireTrajectories(trajectories, options.windowLength());
        FrameFeatures features = options.features().orElse(null);
        float[][][] featureFrames = InputFrames.computeAll(features, trajectories, parameters);
        int[][] split = FrameWindows.split(trajectories.length, options.validationFraction(), config.seed());
        int w = options.windowLength();
        PredictionTarget target = options.target();
        ComponentScaling scaling = options.standardize()
                ? Standardization.fit(FrameWindows.frames(trajectories, split[0]), d)
                : MinMaxScaling.fit(trajectories, split[0]);
        InputFrames inputs = new InputFrames(scaling, features, fitFeatureScaling(featureFrames, split[0], options));
        ComponentScaling targetScaling = fitTargetScaling(trajectories, parameters, split[0], options, inputs, d);
        FrameWindows training = FrameWindows.of(trajectories, featureFrames, parameters, split[0], w, inputs, target,
                targetScaling);
        FrameWindows validation = FrameWindows.of(trajectories, featureFrames, parameters, split[1], w, inputs, target,
                targetScaling);
        LstmArchitecture architecture = options.architecture(d);
        LOG.info("LSTM operator: {} training and {} validation trajectories, {} and {} windows, input frames of {}"
                + " values and {} computed features, {} parameters", split[0].length, split[1].length, training.count(),
                validation.count(), d, architecture.featureSize(), architecture.pytorchParameterCount());

        DjlEngine.start();
        NDManager manager = NDManager.newBaseManager();
        try {
            Engine.getInstance().setRandomSeed((int) config.seed());
            Block block = architecture.newBlock(manager);
            LstmOperator operator = new LstmOperator(architecture, inputs, target, targetScaling, manager, block);
            UnrolledBatches unrolled = options.rolloutSteps() > 1 ? new UnrolledBatches(trajectories, split[0], w,
                    options.rolloutSteps(), options.batchSize(), scaling, target, targetScaling) : null;
            TrainingResult result = runLoop(operator, training, unrolled, options, config, checkpointFolder, listener);
            double validationMse = validation.count() > 0 ? operator.scaledMeanSquaredError(validation) : Double.NaN;
            return new LstmTraining(operator, result, validationMse, split[0], split[1]);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Loads a trained operator without features; see {@link #load(Path, FrameFeatures.Factory)}.
     *
     * @throws IllegalArgumentException if the checkpoint's operator uses per-frame features
     */
    public static LstmOperator load(Path checkpointFolder) throws IOException {
        return load(checkpointFolder, null);
    }

    /**
     * Loads a trained operator from a checkpoint folder, or from the newest checkpoint in a folder of
     * checkpoints. The EMA weights are used when the checkpoint contains them. When the checkpoint records
     * per-frame features, {@code featureFactory} rebuilds them from their saved description.
     *
     * @param featureFactory builds the features of the checkpoint; may be null for an operator without them
     * @throws IllegalArgumentException if the checkpoint is not an operator, or records features that the
     *     factory is missing for or rebuilds with another size
     */
    public static LstmOperator load(Path checkpointFolder, FrameFeatures.Factory featureFactory) throws IOException {
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
        InputFrames inputs = inputFrames(checkpoint, architecture, scaling, featureFactory);

        DjlEngine.start();
        NDManager manager = NDManager.newBaseManager();
        try {
            Block block = architecture.newBlock(manager);
            Map<String, NDArray> parameters = NamedArrays.parametersOf(block);
            checkpoint.loadWeightsInto(parameters, checkpoint.state().hasEma(), manager);
            NamedArrays.freeze(parameters);
            return new LstmOperator(architecture, inputs, target, targetScaling, manager, block);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Predicts the frame after each window of an operator without features; see
     * {@link #predict(float[][][], double[][])}.
     */
    public float[][] predict(float[][][] windows) {
        return predict(windows, null);
    }

    /**
     * Predicts the frame after each window, in batches of {@value #PREDICT_BATCH} windows. With features,
     * they are computed for every window frame from the frame and the window's parameters.
     *
     * @param windows (n, w, d) in the trajectory's units, oldest frame first, finite
     * @param parameters (n, p) the parameters of each window's trajectory that the features read; null
     *     without features
     * @return (n, d) next frames in the trajectory's units
     */
    public synchronized float[][] predict(float[][][] windows, double[][] parameters) {
        int w = architecture.windowLength();
        int d = architecture.frameSize();
        int size = architecture.inputSize();
        requireWindows(windows, "prediction windows");
        inputs.requireParameters(parameters, windows.length, "window");

        float[] scaled = new float[windows.length * d];
        for (int start = 0; start < windows.length; start += PREDICT_BATCH) {
            int rows = Math.min(PREDICT_BATCH, windows.length - start);
            float[] flat = new float[rows * w * size];
            for (int row = 0; row < rows; row++) {
                double[] rowParameters = parameters == null ? null : parameters[start + row];
                for (int f = 0; f < w; f++) {
                    inputs.write(windows[start + row][f], rowParameters, flat, (row * w + f) * size);
                }
            }
            System.arraycopy(forwardScaled(flat, rows), 0, scaled, start * d, rows * d);
        }
        if (target == PredictionTarget.NEXT_FRAME) {
            return scaling.unscale(scaled);
        }
        float[][] next = targetScaling.unscale(scaled);
        for (int row = 0; row < windows.length; row++) {
            double[] base = inputs.base(target, windows[row], w - 1, parameters == null ? null : parameters[row]);
            for (int k = 0; k < d; k++) {
                next[row][k] = (float) (next[row][k] + base[k]);
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

    /** Returns the per-frame features appended to every input frame, or empty for none. */
    public Optional<FrameFeatures> features() {
        return Optional.ofNullable(inputs.features());
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

    /** Returns the scalings of the input frames and their features. */
    InputFrames inputs() {
        return inputs;
    }

    /** Returns the manager that owns the parameters; rollouts open their sub-managers on it. */
    NDManager manager() {
        return manager;
    }

    /**
     * Runs the network in inference mode on a scaled window batch (n, w, d + e). The result belongs to the
     * input's manager.
     */
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
        int size = architecture.inputSize();
        double sum = 0;
        for (int start = 0; start < windows.count(); start += PREDICT_BATCH) {
            int rows = Math.min(PREDICT_BATCH, windows.count() - start);
            float[] flat = new float[rows * w * size];
            System.arraycopy(windows.inputs(), start * w * size, flat, 0, rows * w * size);
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
            NDArray x = batchManager.create(flat, new Shape(rows, architecture.windowLength(), architecture.inputSize()));
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

    /** Fits the feature scaling on the training trajectories' features, like the frames; null without features. */
    private static ComponentScaling fitFeatureScaling(float[][][] featureFrames, int[] selected, LstmOptions options) {
        if (featureFrames == null) {
            return null;
        }
        int e = featureFrames[selected[0]][0].length;
        return options.standardize() ? Standardization.fit(FrameWindows.frames(featureFrames, selected), e)
                : MinMaxScaling.fit(featureFrames, selected);
    }

    /**
     * Returns the input scalings of a checkpoint: the frame scaling, and the features rebuilt by the
     * factory with their scaling when the checkpoint records features.
     */
    private static InputFrames inputFrames(Checkpoint checkpoint, LstmArchitecture architecture,
            ComponentScaling scaling, FrameFeatures.Factory factory) {
        JsonNode description = checkpoint.metadata().path(FEATURES);
        if (!description.isObject()) {
            return new InputFrames(scaling, null, null);
        }
        if (factory == null) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.folder() + " has an operator with per-frame"
                    + " features " + description + "; load it with LstmOperator.load(folder, factory) and a factory"
                    + " that builds them");
        }
        FrameFeatures features = factory.fromJson(description);
        if (features.size() != architecture.featureSize()) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.folder() + " was trained with "
                    + architecture.featureSize() + " feature values per frame, but the features rebuilt from "
                    + description + " have " + features.size() + "; use the twinfold version that wrote it");
        }
        ComponentScaling featureScaling = ComponentScaling.fromJson(checkpoint.normalization().path(FEATURE_SCALING));
        return new InputFrames(scaling, features, featureScaling);
    }

    /** Fits the residual scaling on the training windows; null for {@link PredictionTarget#NEXT_FRAME}. */
    private static ComponentScaling fitTargetScaling(float[][][] trajectories, double[][] parameters, int[] selected,
            LstmOptions options, InputFrames inputs, int d) {
        if (options.target() == PredictionTarget.NEXT_FRAME) {
            return null;
        }
        Iterable<float[]> residuals = FrameWindows.residuals(trajectories, parameters, selected,
                options.windowLength(), inputs, options.target());
        return options.standardize() ? Standardization.fit(residuals, d)
                : MinMaxScaling.fitQuantiles(residuals, FrameWindows.count(trajectories, selected,
                        options.windowLength()), d, options.incrementTail());
    }

    /**
     * Returns the checkpoint's normalization: the input scaling, with the target's name under
     * {@value #TARGET}, the residual scaling under {@value #TARGET_SCALING} and the feature scaling under
     * {@value #FEATURE_SCALING}.
     */
    private ObjectNode normalization() {
        ObjectNode node = scaling.toJson();
        node.put(TARGET, target.name());
        if (targetScaling != null) {
            node.set(TARGET_SCALING, targetScaling.toJson());
        }
        if (inputs.features() != null) {
            node.set(FEATURE_SCALING, inputs.featureScaling().toJson());
        }
        return node;
    }

    /**
     * Runs the training loop: on {@code training}'s windows one step ahead, or on {@code unrolled} when the
     * options unroll more than one step.
     *
     * @param unrolled the examples of unrolled training; null for one-step training
     */
    private static TrainingResult runLoop(LstmOperator operator, FrameWindows training, UnrolledBatches unrolled,
            LstmOptions options, TrainingConfig config, Path checkpointFolder, TrainingListener listener) {
        LstmArchitecture architecture = operator.architecture;
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("family", FAMILY);
        metadata.set("architecture", architecture.toJson());
        metadata.set("caller", options.metadata());
        if (operator.inputs.features() != null) {
            metadata.set(FEATURES, operator.inputs.features().toJson());
        }

        TrainingLoop.Builder builder = TrainingLoop.builder().setBlock(operator.block).setConfig(config)
                .optListener(listener).optNormalization(operator.normalization()).optMetadata(metadata)
                .optTrainer(LstmOperator.class.getName(), Map.of(
                        "lstm.architecture", architecture.toJson().toString(),
                        "lstm.batchSize", Integer.toString(options.batchSize()),
                        "lstm.validationFraction", Double.toString(options.validationFraction()),
                        "lstm.target", operator.target.name(),
                        "lstm.standardize", Boolean.toString(options.standardize()),
                        "lstm.inputNoise", Double.toString(options.inputNoise()),
                        "lstm.rolloutSteps", Integer.toString(options.rolloutSteps()),
                        "lstm.features", options.features().map(f -> f.toJson().toString()).orElse("none")));
        if (options.rolloutSteps() > 1) {
            builder.setLoss(UnrolledBatches.loss(operator.target, options.rolloutSteps())).setBatches(unrolled);
        } else {
            builder.setLoss(meanSquaredError()).setBatches(new WindowBatches(training, architecture, options,
                    operator.scaling, operator.target, operator.targetScaling));
        }
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
