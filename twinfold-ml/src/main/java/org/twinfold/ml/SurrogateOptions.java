package org.twinfold.ml;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.twinfold.core.Task;

/**
 * Training settings shared by every surrogate family.
 *
 * @param steps optimizer steps in total (a resumed run continues up to this count)
 * @param batchSize samples per step
 * @param learningRate peak learning rate
 * @param seed random seed for weights and batches
 * @param checkpointEvery steps between checkpoints
 * @param hiddenWidths widths of hidden layers, for families that have them
 * @param settings family settings keyed {@code family.setting} that replace the task's
 *     {@link Task#surrogateSettings()} of the same key, such as {@code diffusion.p-mean = 0.5}
 */
public record SurrogateOptions(long steps, int batchSize, double learningRate, long seed, long checkpointEvery,
                               List<Integer> hiddenWidths, Map<String, String> settings) {

    public SurrogateOptions {
        if (steps <= 0) {
            throw new IllegalArgumentException("--steps is " + steps + "; it must be positive");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("--batch-size is " + batchSize + "; it must be positive");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("--learning-rate is " + learningRate + "; use a positive value "
                    + "such as 1e-3");
        }
        if (checkpointEvery <= 0) {
            throw new IllegalArgumentException("--checkpoint-every is " + checkpointEvery + "; it must be positive");
        }
        hiddenWidths = List.copyOf(hiddenWidths);
        settings = Map.copyOf(settings);
    }

    /** Options without family settings: the task's settings apply unchanged. */
    public SurrogateOptions(long steps, int batchSize, double learningRate, long seed, long checkpointEvery,
                            List<Integer> hiddenWidths) {
        this(steps, batchSize, learningRate, seed, checkpointEvery, hiddenWidths, Map.of());
    }

    /**
     * Returns the settings of one family: the task's surrogate settings with these options' settings put
     * over them, keeping the keys that start with {@code family.}.
     */
    public Map<String, String> settingsFor(Task task, String family) {
        Map<String, String> merged = new TreeMap<>(task.surrogateSettings());
        merged.putAll(settings);
        merged.keySet().removeIf(key -> !key.startsWith(family + "."));
        return merged;
    }
}
