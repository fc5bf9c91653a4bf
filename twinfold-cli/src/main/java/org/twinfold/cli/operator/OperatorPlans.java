package org.twinfold.cli.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in plans of the operator pipeline, by preset name, and plans read from a JSON file.
 *
 * <ul>
 *   <li>{@code quick}: N = 16, trajectories of t = 60, three operators at 100x, 1,000x and 4,000x; the
 *       100x operator trains on every frame of the training trajectories. Sized to finish on two cores
 *       within 20 minutes. Input frames hold positions, velocities and the pair-force accelerations: at
 *       100x this beats the velocity step one step ahead and keeps the rollouts' energy near its start
 *       (BENCHMARKS.md).
 *   <li>{@code paper}: the reference scale, 4,000 + 1,000 trajectories of t = 2000, many training steps,
 *       the same inputs.
 *   <li>{@code smoke}: N = 3, a few seconds, for checking the pipeline itself; positions and velocities
 *       only, so that plans derived from it can add input noise or unrolled training.
 *   <li>{@code harmonic}, {@code lj-pair}, {@code double-well}, {@code rugged}: one particle in a 1-D
 *       potential, for task {@code md-1d}; see {@link #oneDimensional}.
 * </ul>
 *
 * <p>A plan file holds the fields of {@link OperatorPlan#toJson()}; the run folder's {@code plan.json} is
 * one, so a finished run can be repeated with {@code --preset run/plan.json}.
 */
public final class OperatorPlans {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields of a plan file, as {@link OperatorPlan#toJson()} writes them. */
    private static final List<String> PLAN_FIELDS = List.of("name", "description", "system", "particles",
            "verletSteps", "saveInterval", "trainTrajectories", "testTrajectories", "windowLength", "hiddenSize",
            "inputs", "target", "inputNoise", "rolloutSteps", "multiples");
    /** The fields of each entry of a plan file's {@code multiples}. */
    private static final List<String> MULTIPLE_FIELDS = List.of("multiple", "trainingFrames", "horizon",
            "trainingSteps", "batchSize", "learningRate");

    private OperatorPlans() {
    }

    /** Returns the plan of a preset name, or reads it from a JSON file when {@code nameOrFile} ends in .json. */
    public static OperatorPlan resolve(String nameOrFile) throws IOException {
        if (nameOrFile.endsWith(".json")) {
            return read(Path.of(nameOrFile));
        }
        return switch (nameOrFile) {
            case "quick" -> quick();
            case "paper" -> paper();
            case "smoke" -> smoke();
            case "harmonic", "lj-pair", "double-well", "rugged" -> oneDimensional(nameOrFile);
            default -> throw new IllegalArgumentException("unknown preset '" + nameOrFile + "'; use quick, paper or"
                    + " smoke for md-lstm and md-lj, harmonic, lj-pair, double-well or rugged for md-1d, or a plan"
                    + " file ending in .json");
        };
    }

    /** Returns the quick plan; see the class comment. */
    public static OperatorPlan quick() {
        return new OperatorPlan("quick", "16 particles, 256 training and 32 test trajectories of t = 60, "
                + "operators at 100x, 1,000x and 4,000x the Verlet step", OperatorPlan.LENNARD_JONES, 16, 60_000, 100, 256, 32, 5, 64,
                OperatorInputs.POSITIONS_VELOCITIES_ACCELERATIONS,
                OperatorTarget.INCREMENT, 0, 1, List.of(
                        new MultiplePlan(100, 601, 45, 30_000, 128, 3e-3),
                        new MultiplePlan(1000, 61, 20, 5000, 128, 3e-3),
                        new MultiplePlan(4000, 16, 10, 3000, 128, 3e-3)));
    }

    /** Returns the paper-scale plan; see the class comment. */
    public static OperatorPlan paper() {
        return new OperatorPlan("paper", "16 particles, 4,000 training and 1,000 test trajectories of t = 2000, "
                + "operators at 100x, 1,000x and 4,000x the Verlet step", OperatorPlan.LENNARD_JONES, 16, 2_000_000, 100, 4000, 1000, 5, 64,
                OperatorInputs.POSITIONS_VELOCITIES_ACCELERATIONS,
                OperatorTarget.INCREMENT, 0, 1, List.of(new MultiplePlan(100, 20_001, 1000, 200_000, 256, 1e-3),
                        new MultiplePlan(1000, 2001, 1000, 200_000, 256, 1e-3),
                        new MultiplePlan(4000, 501, 400, 200_000, 256, 1e-3)));
    }

    /** Returns the smoke-test plan: three particles, short trajectories, a few training steps. */
    public static OperatorPlan smoke() {
        return new OperatorPlan("smoke", "3 particles, 12 training and 3 test trajectories of t = 40, a pipeline check",
                OperatorPlan.LENNARD_JONES, 3, 40_000, 100, 12, 3, 5, 8, OperatorInputs.POSITIONS_VELOCITIES,
                OperatorTarget.INCREMENT, 0, 1, List.of(
                        new MultiplePlan(100, 101, 20, 30, 32, 3e-3),
                        new MultiplePlan(1000, 41, 10, 20, 32, 3e-3),
                        new MultiplePlan(4000, 11, 2, 10, 8, 3e-3)));
    }

    /**
     * Returns the plan of a 1-D system of {@code md-1d}: the reference's run length t = 100 and run count
     * (500, or 640 for the rugged potential, split 80/20 into training and test runs), its 1-D network of
     * two LSTM layers of 32 units, and operators at 100x, 1,000x and 4,000x rolled out over the whole test
     * trajectory. Input frames hold x, v and the acceleration F(x) / m, as in the md-lstm presets. The
     * network predicts the increment over the last frame, as in every preset: with the
     * constant-velocity correction the one-step errors are smaller, but rollouts diverge in every 1-D
     * system (BENCHMARKS.md).
     * A run takes about a minute.
     *
     * @param system harmonic, lj-pair, double-well or rugged
     */
    public static OperatorPlan oneDimensional(String system) {
        int train = system.equals("rugged") ? 512 : 400;
        int test = system.equals("rugged") ? 128 : 100;
        return new OperatorPlan(system, "one particle in the 1-D " + system + " potential, " + train + " training and "
                + test + " test trajectories of t = 100, operators at 100x, 1,000x and 4,000x the Verlet step", system, 1,
                100_000, 100, train, test, 5, 32, OperatorInputs.POSITIONS_VELOCITIES_ACCELERATIONS,
                OperatorTarget.INCREMENT, 0, 1,
                List.of(new MultiplePlan(100, 1001, 996, 10_000, 128, 3e-3),
                        new MultiplePlan(1000, 101, 96, 5000, 128, 3e-3),
                        new MultiplePlan(4000, 26, 21, 3000, 128, 3e-3)));
    }

    /**
     * Reads a plan from a JSON file with the fields of {@link OperatorPlan#toJson()}.
     *
     * @throws IllegalArgumentException naming the missing field or the invalid value
     */
    public static OperatorPlan read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("plan file " + file + " does not exist; give a preset name (quick, paper,"
                    + " smoke for md-lstm; harmonic, lj-pair, double-well, rugged for md-1d) or the path of a plan JSON"
                    + " file");
        }
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("plan file " + file + " is not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + "); numbers must be plain, e.g. 0.003, not NaN. See "
                    + "the plan.json of a run folder for a valid file", e);
        }
        requireKnownFields(node, PLAN_FIELDS, "", file);
        List<MultiplePlan> multiples = new ArrayList<>();
        for (JsonNode entry : required(node, "multiples", file)) {
            requireKnownFields(entry, MULTIPLE_FIELDS, "a multiples entry: ", file);
            multiples.add(new MultiplePlan(integer(entry, "multiple", file), integer(entry, "trainingFrames", file),
                    integer(entry, "horizon", file), required(entry, "trainingSteps", file).asLong(),
                    integer(entry, "batchSize", file), required(entry, "learningRate", file).asDouble()));
        }
        return new OperatorPlan(node.path("name").asText(file.getFileName().toString()),
                node.path("description").asText("plan from " + file),
                node.path("system").asText(OperatorPlan.LENNARD_JONES), integer(node, "particles", file),
                integer(node, "verletSteps", file), integer(node, "saveInterval", file),
                integer(node, "trainTrajectories", file), integer(node, "testTrajectories", file),
                integer(node, "windowLength", file), integer(node, "hiddenSize", file), inputs(node, file), target(node, file),
                inputNoise(node, file), rolloutSteps(node, file), multiples);
    }

    /** Returns the plan's inputs; plan files written before the field existed mean positions and velocities. */
    private static OperatorInputs inputs(JsonNode node, Path file) {
        JsonNode value = node.get("inputs");
        if (value == null || value.isNull()) {
            return OperatorInputs.POSITIONS_VELOCITIES;
        }
        try {
            return OperatorInputs.parse(value.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("plan file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns the plan's target; plan files written before the field existed mean the constant-velocity correction. */
    private static OperatorTarget target(JsonNode node, Path file) {
        JsonNode value = node.get("target");
        if (value == null || value.isNull()) {
            return OperatorTarget.CONSTANT_VELOCITY_CORRECTION;
        }
        try {
            return OperatorTarget.parse(value.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("plan file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns the plan's input noise; plan files written before the field existed mean none. */
    private static double inputNoise(JsonNode node, Path file) {
        JsonNode value = node.get("inputNoise");
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("plan file " + file + ": 'inputNoise' is " + value
                    + "; expected a number such as 0.01, or 0 for none");
        }
        return value.asDouble();
    }

    /** Returns the plan's rollout steps of training; plan files written before the field existed mean 1. */
    private static int rolloutSteps(JsonNode node, Path file) {
        JsonNode value = node.get("rolloutSteps");
        if (value == null || value.isNull()) {
            return 1;
        }
        return integer(node, "rolloutSteps", file);
    }

    /** Rejects a field that the plan format does not have, such as a misspelled one that would go unread. */
    private static void requireKnownFields(JsonNode node, List<String> known, String where, Path file) {
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw new IllegalArgumentException("plan file " + file + ": " + where + "unknown field '" + field
                        + "'; the fields are " + known);
            }
        });
    }

    private static int integer(JsonNode node, String key, Path file) {
        JsonNode value = required(node, key, file);
        if (!value.canConvertToInt()) {
            throw new IllegalArgumentException("plan file " + file + ": '" + key + "' is " + value
                    + "; expected a whole number");
        }
        return value.asInt();
    }

    private static JsonNode required(JsonNode node, String key, Path file) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("plan file " + file + " lacks '" + key + "'; see the plan.json of a run"
                    + " folder for every field");
        }
        return value;
    }
}
