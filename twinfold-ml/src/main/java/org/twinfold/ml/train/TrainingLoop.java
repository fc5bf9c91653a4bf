package org.twinfold.ml.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.ml.DjlEngine;

/**
 * Trains any initialized DJL {@link Block} with a loss given as code, our {@link AdamOptimizer}, a
 * learning-rate schedule, optional clipping and EMA, divergence detection and periodic checkpoints.
 *
 * <p>Each step: set the engine seed from (seed, step); on a fresh {@link NDScope} and step manager,
 * fetch the batch, compute the loss under a {@link GradientCollector} and back-propagate; check the
 * loss and gradient norm; clip; update; zero the gradients; update the EMA. Everything created during
 * the step is closed when it ends, including results of operations on parameters.
 *
 * <p>With a checkpoint folder, {@link #run()} resumes from the newest complete checkpoint there and
 * reaches the same weights as an uninterrupted run with the same seed and thread count (up to
 * floating-point reduction order in libtorch). Build with {@link #builder()}.
 *
 * <p>Note: libtorch allows one gradient collector per process at a time, so only one loop may run a
 * step at any moment in a JVM. Not thread-safe apart from {@link #requestStop()}.
 */
public final class TrainingLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);
    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private final Block block;
    private final TrainingConfig config;
    private final TrainingLoss loss;
    private final BatchSupplier batches;
    private final List<TrainingListener> listeners;
    private final Optional<CheckpointStore> store;
    private final JsonNode normalization;
    private final JsonNode metadata;
    private final String trainerName;
    private final Map<String, String> extraSettings;

    private final Engine engine;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;
    private final AdamOptimizer optimizer;
    private final Optional<ExponentialMovingAverage> ema;
    private final DivergenceMonitor monitor;
    private final ParameterStore parameterStore;

    private long step;
    private double previousWallSeconds;
    private volatile boolean stopRequested;

    private TrainingLoop(Builder builder) {
        this.block = builder.block;
        this.config = builder.config;
        this.loss = builder.loss;
        this.batches = builder.batches;
        this.listeners = List.copyOf(builder.listeners);
        this.store = Optional.ofNullable(builder.checkpointFolder)
                .map(folder -> new CheckpointStore(folder, config.keepCheckpoints()));
        this.normalization = builder.normalization;
        this.metadata = builder.metadata;
        this.trainerName = builder.trainerName;
        this.extraSettings = Map.copyOf(builder.extraSettings);

        this.engine = DjlEngine.start();
        this.parameters = NamedArrays.parametersOf(block);
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("the block has no parameters to train");
        }
        this.manager = parameters.values().iterator().next().getManager().newSubManager();
        this.optimizer = new AdamOptimizer(config.optimizer(), parameters, manager);
        this.ema = config.emaDecay().isPresent()
                ? Optional.of(new ExponentialMovingAverage(config.emaDecay().getAsDouble(), parameters, manager))
                : Optional.empty();
        this.monitor = new DivergenceMonitor(config.divergenceFactor());
        this.parameterStore = new ParameterStore(manager, false);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Trains to {@code totalSteps}, resuming from the newest checkpoint when there is one. */
    public TrainingResult run() {
        return runUntil(config.totalSteps());
    }

    /**
     * Trains until step {@code stopStep} (at most {@code totalSteps}), then writes a checkpoint. The
     * schedule still spans {@code totalSteps}, so a later {@link #run()} continues the same run.
     */
    public TrainingResult runUntil(long stopStep) {
        if (stopStep < 1 || stopStep > config.totalSteps()) {
            throw new IllegalArgumentException("stop step is " + stopStep + "; it must be in [1, "
                    + config.totalSteps() + "]");
        }
        long startStep = resume();
        LOG.info("training {} parameters from step {} to {} (total {}), seed {}", parameterCount(), startStep,
                stopStep, config.totalSteps(), config.seed());

        long startNanos = System.nanoTime();
        double lastLoss = Double.NaN;
        Optional<Path> lastCheckpoint = store.flatMap(CheckpointStore::latest);
        long progressInterval = Math.max(1, config.totalSteps() / 10);
        while (step < stopStep && !stopRequested) {
            step++;
            StepReport report = runStep(step, startStep, startNanos);
            lastLoss = report.loss();
            for (TrainingListener listener : listeners) {
                listener.onStep(report);
            }
            if (step % progressInterval == 0) {
                LOG.info("step {}/{}: loss {}, learning rate {}, gradient norm {}, {} steps/s", step,
                        config.totalSteps(), report.loss(), report.learningRate(), report.gradientNorm(),
                        String.format("%.1f", report.stepsPerSecond()));
            }
            boolean due = step % config.checkpointEvery() == 0 || step == stopStep || stopRequested;
            if (store.isPresent() && due) {
                lastCheckpoint = Optional.of(saveCheckpoint((System.nanoTime() - startNanos) * 1e-9));
            }
        }

        double runSeconds = (System.nanoTime() - startNanos) * 1e-9;
        LOG.info("training stopped at step {} after {} s (loss {})", step, String.format("%.1f", runSeconds), lastLoss);
        return new TrainingResult(startStep, step, lastLoss, previousWallSeconds + runSeconds, lastCheckpoint);
    }

    /** Asks the loop to stop after the current step and write a checkpoint; callable from any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Returns the steps done so far. */
    public long step() {
        return step;
    }

    /** Returns the live parameters, keyed by name. */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /** Returns the moving average of the weights, when EMA is on. */
    public Optional<ExponentialMovingAverage> ema() {
        return ema;
    }

    public AdamOptimizer optimizer() {
        return optimizer;
    }

    private StepReport runStep(long currentStep, long startStep, long startNanos) {
        engine.setRandomSeed(StepRandom.engineSeed(config.seed(), currentStep));
        double learningRate = config.schedule().at(currentStep);

        try (NDScope scope = new NDScope(); NDManager stepManager = manager.newSubManager()) {
            scope.suppressNotUsedWarning();
            StepContext context = new StepContext(currentStep, stepManager,
                    StepRandom.forStep(config.seed(), currentStep),
                    inputs -> block.forward(parameterStore, inputs, true));
            NDList batch = batches.next(context);

            double lossValue;
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray lossArray = loss.compute(context, batch);
                requireScalar(lossArray);
                collector.backward(lossArray);
                lossValue = lossArray.getFloat();
            }

            Map<String, NDArray> gradients = gradients();
            try {
                double gradientNorm = GradientClipping.globalNorm(gradients.values());
                monitor.check(currentStep, lossValue, gradientNorm, learningRate);
                if (config.maxGradientNorm().isPresent()) {
                    GradientClipping.clip(gradients.values(), gradientNorm, config.maxGradientNorm().getAsDouble());
                }
                optimizer.update(parameters, gradients, learningRate);
                ema.ifPresent(average -> average.update(parameters, currentStep));

                double elapsed = (System.nanoTime() - startNanos) * 1e-9;
                double rate = elapsed > 0 ? (currentStep - startStep) / elapsed : 0;
                return new StepReport(currentStep, config.totalSteps(), lossValue, learningRate, gradientNorm, rate);
            } finally {
                // NOTE: g - g leaves NaN where the gradient is NaN. The loop stops on such a step, so this
                // matters only when a caller keeps training the same block after TrainingDivergedException.
                for (NDArray gradient : gradients.values()) {
                    gradient.subi(gradient);
                }
            }
        }
    }

    private Map<String, NDArray> gradients() {
        Map<String, NDArray> gradients = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
            gradients.put(entry.getKey(), entry.getValue().getGradient());
        }
        return gradients;
    }

    private static void requireScalar(NDArray lossArray) {
        if (lossArray.getShape().dimension() != 0 && lossArray.size() != 1) {
            throw new IllegalStateException("the loss has shape " + lossArray.getShape()
                    + "; reduce it to a scalar, e.g. with mean()");
        }
    }

    private long resume() {
        if (store.isEmpty()) {
            return step;
        }
        Optional<Path> latest = store.get().latest();
        if (latest.isEmpty() || CheckpointStore.stepOf(latest.get()) <= step) {
            return step;
        }
        try {
            Checkpoint checkpoint = Checkpoint.read(latest.get());
            TrainingState state = checkpoint.state();
            if (state.seed() != config.seed()) {
                throw new IllegalStateException("checkpoint " + latest.get() + " was trained with seed " + state.seed()
                        + " but this run has seed " + config.seed() + "; use the same seed or another folder");
            }
            checkpoint.loadWeightsInto(parameters, false, manager);
            optimizer.restore(latest.get().resolve(CheckpointFiles.OPTIMIZER), state.optimizerStepCount());
            if (ema.isPresent()) {
                if (!state.hasEma()) {
                    throw new IllegalStateException("checkpoint " + latest.get() + " has no EMA weights but this run"
                            + " keeps an EMA; resume with the same EMA setting");
                }
                ema.get().restore(latest.get().resolve(CheckpointFiles.EMA_WEIGHTS));
            }
            monitor.restore(state.runningMinimumLoss());
            step = state.step();
            previousWallSeconds = state.trainingWallSeconds();
            LOG.info("resumed from checkpoint {} at step {}", latest.get(), step);
            return step;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume from " + latest.get() + "; delete it to fall back to an"
                    + " older checkpoint", e);
        }
    }

    private Path saveCheckpoint(double runWallSeconds) {
        TrainingState state = new TrainingState(step, config.seed(), optimizer.stepCount(), monitor.runningMinimum(),
                previousWallSeconds + runWallSeconds, ema.isPresent());
        try {
            Path folder = store.orElseThrow().write(step, temporary -> {
                NamedArrays.write(parameters, temporary.resolve(CheckpointFiles.WEIGHTS));
                if (ema.isPresent()) {
                    ema.get().save(temporary.resolve(CheckpointFiles.EMA_WEIGHTS));
                }
                optimizer.save(temporary.resolve(CheckpointFiles.OPTIMIZER));
                JSON.writeValue(temporary.resolve(CheckpointFiles.STATE).toFile(), state.toJson());
                JSON.writeValue(temporary.resolve(CheckpointFiles.NORMALIZATION).toFile(), normalization);
                JSON.writeValue(temporary.resolve(CheckpointFiles.METADATA).toFile(), metadata);
                JSON.writeValue(temporary.resolve(CheckpointFiles.PROVENANCE).toFile(),
                        Provenance.of(trainerName, config, extraSettings, engine));
            });
            LOG.info("checkpoint at step {} written to {}", step, folder);
            for (TrainingListener listener : listeners) {
                listener.onCheckpoint(step, folder);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint of step " + step + " into "
                    + store.get().root() + "; check free disk space and permissions", e);
        }
    }

    private long parameterCount() {
        long count = 0;
        for (NDArray array : parameters.values()) {
            count += array.size();
        }
        return count;
    }

    /** Closes the optimizer state, the EMA weights and the loop's manager; the block's parameters stay open. */
    @Override
    public void close() {
        ema.ifPresent(ExponentialMovingAverage::close);
        optimizer.close();
        manager.close();
    }

    /** Collects the parts of a loop; {@code setX} are required, {@code optX} optional. */
    public static final class Builder {
        private Block block;
        private TrainingConfig config;
        private TrainingLoss loss;
        private BatchSupplier batches;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private Path checkpointFolder;
        private JsonNode normalization = JsonNodeFactory.instance.objectNode();
        private JsonNode metadata = JsonNodeFactory.instance.objectNode();
        private String trainerName = TrainingLoop.class.getName();
        private final Map<String, String> extraSettings = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets the network; it must be initialized, with float32 parameters. */
        public Builder setBlock(Block block) {
            this.block = block;
            return this;
        }

        public Builder setConfig(TrainingConfig config) {
            this.config = config;
            return this;
        }

        public Builder setLoss(TrainingLoss loss) {
            this.loss = loss;
            return this;
        }

        public Builder setBatches(BatchSupplier batches) {
            this.batches = batches;
            return this;
        }

        public Builder optListener(TrainingListener listener) {
            listeners.add(listener);
            return this;
        }

        /** Turns checkpoints on, into {@code folder}; {@link #run()} resumes from the newest one there. */
        public Builder optCheckpointFolder(Path folder) {
            this.checkpointFolder = folder;
            return this;
        }

        /** Sets the data normalization saved with every checkpoint. */
        public Builder optNormalization(JsonNode normalization) {
            this.normalization = normalization;
            return this;
        }

        /** Sets caller metadata (schema, dataset provenance, network structure) saved with every checkpoint. */
        public Builder optMetadata(JsonNode metadata) {
            this.metadata = metadata;
            return this;
        }

        /** Sets the trainer name and adds settings (such as the network structure) to the provenance block. */
        public Builder optTrainer(String name, Map<String, String> settings) {
            this.trainerName = name;
            this.extraSettings.putAll(settings);
            return this;
        }

        public TrainingLoop build() {
            if (block == null || config == null || loss == null || batches == null) {
                throw new IllegalArgumentException("block, config, loss and batches are required; missing:"
                        + (block == null ? " block" : "") + (config == null ? " config" : "")
                        + (loss == null ? " loss" : "") + (batches == null ? " batches" : ""));
            }
            return new TrainingLoop(this);
        }
    }
}
