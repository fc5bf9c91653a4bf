package org.twinfold.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinfold.core.Preset;
import org.twinfold.ml.SurrogateOptions;
import picocli.CommandLine.Option;

/** Training options of {@code train} and {@code run}; unset values come from the task's preset. */
final class TrainingOptions {

    @Option(names = "--steps", paramLabel = "N", description = "Optimizer steps in total (for the operator tasks"
            + " md-lstm and md-1d, of each operator). Default: the preset's.")
    Long steps;

    @Option(names = "--batch-size", paramLabel = "N", description = "Training samples per step. Default: the preset's.")
    Integer batchSize;

    @Option(names = "--learning-rate", paramLabel = "RATE",
            description = "Peak learning rate of Adam, after a linear warm-up over 5%% of the steps and before a "
                    + "cosine decay to 1%% of it. Default: the preset's.")
    Double learningRate;

    private static final String DEFAULT_HIDDEN = "128,128,128";

    @Option(names = "--hidden", paramLabel = "W1,W2,...", defaultValue = DEFAULT_HIDDEN,
            description = "Hidden layer widths of the mlp family's network, comma-separated; the other families size "
                    + "their networks themselves and ignore it. Default: ${DEFAULT-VALUE}.")
    String hidden;

    /** Steps between checkpoints when the run is long enough; shorter runs checkpoint five times. */
    private static final long CHECKPOINT_EVERY = 500;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Steps between checkpoints; a killed run resumes from the newest. Default: " + CHECKPOINT_EVERY
                    + ", or a fifth of the steps when that is fewer.")
    Long checkpointEvery;

    @Option(names = "--setting", paramLabel = "KEY=VALUE",
            description = "A surrogate family's setting, repeatable, over the task's own, such as "
                    + "diffusion.p-mean=0.5 or vae.standardize=global. 'twinfold tasks' lists the settings each task "
                    + "recommends, and the README every key of each family.")
    List<String> settingTexts = new ArrayList<>();

    @Option(names = "--family", paramLabel = "NAME",
            description = "Surrogate family, such as mlp. Default: the task's.")
    String family;

    SurrogateOptions resolve(Preset preset, long seed) {
        long total = steps == null ? preset.trainingSteps() : steps;
        return new SurrogateOptions(total,
                batchSize == null ? preset.batchSize() : batchSize,
                learningRate == null ? preset.learningRate() : learningRate,
                seed, checkpointEvery == null ? Math.min(CHECKPOINT_EVERY, Math.max(1, total / 5)) : checkpointEvery,
                widths(), settings());
    }

    /**
     * Returns the options given on the command line that only a surrogate family's training reads, not the
     * operator pipeline (--batch-size, --learning-rate, --hidden, --family, --setting), for its message.
     */
    List<String> familyOnlyOptions() {
        List<String> options = new ArrayList<>();
        if (batchSize != null) {
            options.add("--batch-size");
        }
        if (learningRate != null) {
            options.add("--learning-rate");
        }
        if (!DEFAULT_HIDDEN.equals(hidden)) {
            options.add("--hidden");
        }
        if (family != null) {
            options.add("--family");
        }
        if (!settingTexts.isEmpty()) {
            options.add("--setting");
        }
        return options;
    }

    /**
     * Returns the {@code --setting} values as a map, in the order given.
     *
     * @throws IllegalArgumentException naming a value without '=' or with an empty key, or a key given twice
     *     with different values
     */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String text : settingTexts) {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--setting '" + text + "' is not KEY=VALUE; give e.g. --setting"
                        + " diffusion.p-mean=0.5 ('twinfold tasks' lists the settings each task recommends)");
            }
            String key = text.substring(0, equals).trim();
            String value = text.substring(equals + 1).trim();
            String earlier = settings.put(key, value);
            if (earlier != null && !earlier.equals(value)) {
                throw new IllegalArgumentException("--setting " + key + " is given twice, as '" + earlier + "' and '"
                        + value + "'; give each key once");
            }
        }
        return settings;
    }

    private List<Integer> widths() {
        try {
            return Arrays.stream(hidden.split(",")).map(String::trim).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--hidden is '" + hidden + "'; give comma-separated positive "
                    + "integers such as 128,128");
        }
    }
}
