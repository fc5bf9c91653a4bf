package org.twinfold.ml.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The scalar state of a training run saved in a checkpoint's {@code state.json}. With the arrays
 * (weights, EMA weights, optimizer moments) it is everything a resumed run needs. The random state
 * is (seed, step), because every draw is a pure function of those two (see {@link StepRandom}).
 *
 * @param step steps done
 * @param seed run seed
 * @param optimizerStepCount updates the optimizer has applied, t in its bias corrections
 * @param runningMinimumLoss lowest loss so far, for divergence detection; positive infinity before any step
 * @param trainingWallSeconds wall time of all training so far, in seconds
 * @param hasEma whether the checkpoint contains EMA weights
 */
public record TrainingState(long step, long seed, long optimizerStepCount, double runningMinimumLoss,
        double trainingWallSeconds, boolean hasEma) {

    /** Version of the checkpoint layout; readers accept this and older, and reject newer. */
    public static final int FORMAT_VERSION = 1;

    /** Returns the JSON form; an infinite running minimum is written as null. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("formatVersion", FORMAT_VERSION);
        node.put("step", step);
        ObjectNode random = node.putObject("randomState");
        random.put("seed", seed);
        random.put("step", step);
        node.put("optimizerStepCount", optimizerStepCount);
        if (Double.isFinite(runningMinimumLoss)) {
            node.put("runningMinimumLoss", runningMinimumLoss);
        } else {
            node.putNull("runningMinimumLoss");
        }
        node.put("trainingWallSeconds", trainingWallSeconds);
        node.put("hasEma", hasEma);
        return node;
    }

    /**
     * Parses the JSON form.
     *
     * @throws IllegalArgumentException when the format version is newer than this code reads, or a key is missing
     */
    public static TrainingState fromJson(JsonNode node, String source) {
        int version = required(node, "formatVersion", source).asInt();
        if (version > FORMAT_VERSION) {
            throw new IllegalArgumentException(source + " has checkpoint format version " + version
                    + "; this code reads versions up to " + FORMAT_VERSION + ". Use a newer twinfold.");
        }
        JsonNode minimum = required(node, "runningMinimumLoss", source);
        return new TrainingState(
                required(node, "step", source).asLong(),
                required(required(node, "randomState", source), "seed", source).asLong(),
                required(node, "optimizerStepCount", source).asLong(),
                minimum.isNull() ? Double.POSITIVE_INFINITY : minimum.asDouble(),
                required(node, "trainingWallSeconds", source).asDouble(),
                required(node, "hasEma", source).asBoolean());
    }

    private static JsonNode required(JsonNode node, String key, String source) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw new IllegalArgumentException(source + " has no key '" + key + "'; the checkpoint is incomplete or damaged");
        }
        return value;
    }
}
