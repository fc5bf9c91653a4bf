package org.twinfold.cli.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.twinfold.core.dataset.AtomicFiles;
import org.twinfold.ml.lstm.FrameFeatures;
import org.twinfold.ml.lstm.LstmOperator;
import org.twinfold.ml.lstm.LstmOptions;
import org.twinfold.ml.lstm.LstmTraining;
import org.twinfold.ml.train.LearningRateSchedule;
import org.twinfold.ml.train.TrainingConfig;
import org.twinfold.ml.train.TrainingListener;

/**
 * Trains the operator of one multiple into its own checkpoint folder, or loads it when a previous run
 * finished that training. A killed training resumes from its newest checkpoint; a finished one leaves a
 * {@value #SUMMARY} next to its checkpoints, and a rerun with the same plan only loads the weights.
 *
 * <p>The network predicts the plan's {@link OperatorTarget}: the increment {@code x(t + Delta_R) - x(t)} in
 * the presets, the correction to the constant-velocity step {@code x(t + Delta_R) - (2 x(t) - x(t - Delta_R))},
 * the next frame itself, or the correction to one velocity Verlet step of Delta_R, each standardized per
 * component; inputs are standardized per component. With {@link OperatorInputs#POSITIONS_VELOCITIES_ACCELERATIONS}
 * every input frame also carries the pair-force accelerations ({@link AccelerationFeatures}), standardized
 * too. The scalings and the features' description are saved in every checkpoint. Adam's learning
 * rate warms up over 5 % of the steps and decays by a cosine to {@value #FINAL_LEARNING_RATE}.
 */
final class OperatorTraining {
    static final String SUMMARY = "training.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double EMA_DECAY = 0.995;
    private static final double VALIDATION_FRACTION = 0.1;
    static final double FINAL_LEARNING_RATE = 1e-5;
    /** Global gradient-norm limit of unrolled training (plans with rolloutSteps above 1). */
    static final double UNROLLED_MAX_GRADIENT_NORM = 1.0;

    private OperatorTraining() {
    }

    /**
     * Trains or loads the operator of {@code multiple}.
     *
     * @param trajectories (trajectories, frames, d) training frames already subsampled at Delta_R
     * @param parameters parameters of each training trajectory, the mass first, read by the acceleration
     *     features
     * @param folder the operator's checkpoint folder
     * @param progress makes the progress display of a training, by label
     */
    static TrainedOperator trainOrLoad(float[][][] trajectories, double[][] parameters, OperatorPlan plan,
            MultiplePlan multiple, long seed, Path folder, Function<String, TrainingListener> progress)
            throws IOException {
        String label = "train " + multiple.label();
        ObjectNode expected = settings(plan, multiple, trajectories.length, seed);
        Path summaryFile = folder.resolve(SUMMARY);
        if (Files.isRegularFile(summaryFile)) {
            JsonNode summary = JSON.readTree(summaryFile.toFile());
            // Compared as text: a number read back may be another node type (int for a saved long).
            if (summary.path("settings").toString().equals(expected.toString())) {
                System.err.printf("%s: already complete, %d steps; loading %s%n", label,
                        summary.path("steps").asLong(), folder);
                return new TrainedOperator(LstmOperator.load(folder, OperatorTraining::features),
                        summary.path("steps").asLong(),
                        summary.path("trainingWallSeconds").asDouble(),
                        summary.path("validationMeanSquaredError").asDouble(), summary.path("trainingTrajectories").asInt(),
                        folder.toAbsolutePath().normalize().toString(), true);
            }
            throw new IllegalArgumentException("checkpoint folder " + folder + " contains a training with other settings ("
                    + differences(summary.path("settings"), expected) + "); use another --out folder or delete " + folder);
        }

        LstmOptions.Builder builder = LstmOptions.builder().optWindowLength(plan.windowLength())
                .optHiddenSize(plan.hiddenSize()).optLayers(2).optBatchSize(multiple.batchSize())
                .optValidationFraction(VALIDATION_FRACTION).optTarget(plan.target().predictionTarget())
                .optStandardize(true).optInputNoise(plan.inputNoise()).optRolloutSteps(plan.rolloutSteps())
                .optMetadata(expected);
        if (plan.target() == OperatorTarget.VERLET_STEP_CORRECTION) {
            builder.optFeatures(AccelerationFeatures.withVerletStep(plan.simulator(),
                    multiple.multiple() * OperatorPlan.VERLET_STEP));
        } else if (plan.inputs() == OperatorInputs.POSITIONS_VELOCITIES_ACCELERATIONS) {
            builder.optFeatures(plan.operatorSystem().accelerations());
        }
        LstmOptions options = builder.build();
        long steps = multiple.trainingSteps();
        TrainingConfig.Builder configBuilder = TrainingConfig.builder();
        if (plan.rolloutSteps() > 1) {
            // A collision inside an unrolled window can give one batch a loss far above the others.
            configBuilder.optMaxGradientNorm(UNROLLED_MAX_GRADIENT_NORM);
        }
        TrainingConfig config = configBuilder.setTotalSteps(steps).setSeed(seed)
                .setSchedule(LearningRateSchedule.warmupCosine(multiple.learningRate(), steps / 20, steps,
                        Math.min(FINAL_LEARNING_RATE, multiple.learningRate())))
                .optEmaDecay(EMA_DECAY).optCheckpointEvery(Math.max(1, Math.min(500, steps / 4)))
                .optKeepCheckpoints(2).build();
        LstmTraining training = LstmOperator.train(trajectories, parameters, options, config, folder,
                progress.apply(label));
        double seconds = training.result().trainingWallSeconds();
        System.err.printf("%s: %d steps, %.1f s of training in total, validation MSE %.3e (standardized %s)%n",
                label, training.result().finalStep(), seconds, training.validationMeanSquaredError(),
                plan.target().quantity());

        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.set("settings", expected);
        summary.put("steps", training.result().finalStep());
        summary.put("trainingWallSeconds", seconds);
        summary.put("validationMeanSquaredError", training.validationMeanSquaredError());
        summary.put("trainingTrajectories", training.trainingTrajectories().length);
        AtomicFiles.write(summaryFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary)
                .getBytes(StandardCharsets.UTF_8));
        return new TrainedOperator(training.operator(), training.result().finalStep(), seconds,
                training.validationMeanSquaredError(), training.trainingTrajectories().length,
                folder.toAbsolutePath().normalize().toString(), false);
    }

    /**
     * Checks, before any work, that every finished or started training under {@code checkpoints} has the
     * settings this plan gives it, so that a run does not retrain one operator only to stop at the next.
     *
     * @param trajectories the training trajectories each operator trains on
     * @throws IllegalArgumentException naming every operator folder whose settings differ, and how
     */
    static void requireSameSettings(OperatorPlan plan, int trajectories, long seed, Path checkpoints)
            throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (MultiplePlan multiple : plan.multiples()) {
            Path summaryFile = checkpoints.resolve(multiple.label()).resolve(SUMMARY);
            if (Files.isRegularFile(summaryFile)) {
                JsonNode saved = JSON.readTree(summaryFile.toFile()).path("settings");
                ObjectNode expected = settings(plan, multiple, trajectories, seed);
                if (!saved.toString().equals(expected.toString())) {
                    mismatches.add(multiple.label() + " (" + differences(saved, expected) + ")");
                }
            }
        }
        if (!mismatches.isEmpty()) {
            throw new IllegalArgumentException("checkpoint folder " + checkpoints + " contains trainings with other"
                    + " settings: " + String.join("; ", mismatches) + "; use another --out folder or delete "
                    + checkpoints + " to train them again");
        }
    }

    /** Rebuilds the features a checkpoint records: Lennard-Jones pair-force or 1-D accelerations. */
    private static FrameFeatures features(JsonNode description) {
        if (Potential1dAccelerations.KIND.equals(description.path("kind").asText())) {
            return Potential1dAccelerations.fromJson(description);
        }
        return AccelerationFeatures.fromJson(description);
    }

    /** Returns each setting that differs as "key saved, now planned", for the message of a mismatch. */
    private static String differences(JsonNode saved, JsonNode planned) {
        TreeSet<String> keys = new TreeSet<>();
        saved.fieldNames().forEachRemaining(keys::add);
        planned.fieldNames().forEachRemaining(keys::add);
        List<String> changes = new ArrayList<>();
        for (String key : keys) {
            if (!saved.path(key).toString().equals(planned.path(key).toString())) {
                changes.add(key + " " + text(saved.path(key)) + ", now " + text(planned.path(key)));
            }
        }
        return String.join("; ", changes);
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() ? "unset" : value.toString();
    }

    /** Returns what decides the training, saved with it so that a rerun with other settings is noticed. */
    private static ObjectNode settings(OperatorPlan plan, MultiplePlan multiple, int trajectories, long seed) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("system", plan.systemDescription());
        node.put("multiple", multiple.multiple());
        node.put("deltaR", multiple.multiple() * OperatorPlan.VERLET_STEP);
        node.put("trajectories", trajectories);
        node.put("trainingFrames", multiple.trainingFrames());
        node.put("trainingSteps", multiple.trainingSteps());
        node.put("batchSize", multiple.batchSize());
        node.put("learningRate", multiple.learningRate());
        node.put("finalLearningRate", Math.min(FINAL_LEARNING_RATE, multiple.learningRate()));
        node.put("target", plan.target().predictionTarget().name());
        node.put("scaling", "standardized");
        node.put("windowLength", plan.windowLength());
        node.put("hiddenSize", plan.hiddenSize());
        // Left out for the old inputs, so that trainings finished before the option existed still match.
        if (plan.inputs() != OperatorInputs.POSITIONS_VELOCITIES) {
            node.put("inputs", plan.inputs().planName());
        }
        if (plan.inputNoise() > 0) {
            node.put("inputNoise", plan.inputNoise());
        }
        if (plan.rolloutSteps() > 1) {
            node.put("rolloutSteps", plan.rolloutSteps());
            node.put("maxGradientNorm", UNROLLED_MAX_GRADIENT_NORM);
        }
        node.put("seed", seed);
        return node;
    }
}
