package org.twinfold.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.twinfold.core.Generator;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.Schema;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.dataset.Manifest;
import org.twinfold.core.sweep.Sweep;
import org.twinfold.ml.DjlEngine;
import org.twinfold.ml.EngineOptions;
import org.twinfold.ml.SurrogateFamilies;
import org.twinfold.ml.SurrogateFamily;
import org.twinfold.ml.SurrogateOptions;
import org.twinfold.ml.TrainingMetadata;
import org.twinfold.ml.diffusion.DiffusionFamily;
import org.twinfold.ml.train.Checkpoint;
import org.twinfold.ml.train.CheckpointStore;

/** Training and sampling steps shared by the {@code train}, {@code sample} and {@code run} commands. */
final class Surrogates {

    private Surrogates() {
    }

    /**
     * Checks that a dataset was made for a task, so that a surrogate is never trained or evaluated against
     * the wrong simulator. A dataset of another task name passes when the task's own simulator made it,
     * as for {@code md-lstm} and {@code md-lj}.
     */
    static void requireTask(Task task, Dataset dataset) {
        String made = dataset.manifest().task();
        if (made.isEmpty() || made.equals(task.name())) {
            return;
        }
        boolean sameSimulator = dataset.manifest().generator().id().equals(task.simulator().info().id());
        if (!sameSimulator) {
            throw new IllegalArgumentException("dataset " + dataset.folder() + " was made for task '" + made
                    + "', not '" + task.name() + "'; give a dataset of task '" + task.name() + "' or run the "
                    + "command for task '" + made + "'");
        }
    }

    /** Starts the neural engine with a thread count; only the first call in a process sets it. */
    static void startEngine(int threads) {
        DjlEngine.start(EngineOptions.threads(threads));
    }

    /**
     * Checks the family settings before any work starts: every {@code --setting} key belongs to the family,
     * the family accepts the values for data of {@code schema}, and a checkpoint already in
     * {@code checkpoints} was trained with the same settings, so that resuming or reusing it cannot mix two
     * configurations.
     */
    static void checkSettings(Task task, String familyName, SurrogateOptions options, Schema schema,
                              Path checkpoints) throws IOException {
        SurrogateFamily family = SurrogateFamilies.byName(familyName);
        String prefix = family.name() + ".";
        for (String key : options.settings().keySet()) {
            if (!key.startsWith(prefix)) {
                throw new IllegalArgumentException("setting '" + key + "' is not one of the " + family.name()
                        + " family's, whose keys start with '" + prefix + "'; 'twinfold tasks' shows each task's"
                        + " settings and the README lists every key");
            }
        }
        Map<String, String> settings = options.settingsFor(task, family.name());
        family.checkSettings(settings, schema);
        if (CheckpointStore.latest(checkpoints).isEmpty()) {
            return;
        }
        JsonNode caller = Checkpoint.read(checkpoints).metadata().path("caller");
        Optional<Map<String, String>> recorded = TrainingMetadata.settings(caller);
        if (recorded.isPresent() && !family.sameSettings(recorded.get(), settings)) {
            throw new IllegalArgumentException("the checkpoints in " + checkpoints + " were trained with other "
                    + family.name() + " settings: " + String.join("; ", differences(family, recorded.get(), settings))
                    + ". Give the checkpoints' values with --setting KEY=VALUE to resume or reuse them, or choose"
                    + " another --out folder");
        }
    }

    /**
     * Describes the keys whose values differ between the checkpoint's settings and the command's. A key
     * counts when the command's value alone, put into the checkpoint's settings, changes what they
     * configure. When no single key does, every key whose text differs is listed.
     */
    private static List<String> differences(SurrogateFamily family, Map<String, String> recorded,
                                            Map<String, String> given) {
        Set<String> keys = new TreeSet<>(recorded.keySet());
        keys.addAll(given.keySet());
        List<String> differing = keys.stream().filter(key -> !Objects.equals(recorded.get(key), given.get(key)))
                .toList();
        List<String> effective = differing.stream().filter(key -> {
            Map<String, String> changed = new TreeMap<>(recorded);
            if (given.containsKey(key)) {
                changed.put(key, given.get(key));
            } else {
                changed.remove(key);
            }
            return !family.sameSettings(recorded, changed);
        }).toList();
        return (effective.isEmpty() ? differing : effective).stream()
                .map(key -> key + " was " + describe(recorded.get(key)) + " in training and is "
                        + describe(given.get(key)) + " now" + family.samplerOption(key)
                        .map(option -> " (it sets only the default sampler: to sample otherwise, give " + option
                                + " to sample or run instead)").orElse(""))
                .toList();
    }

    private static String describe(String value) {
        return value == null ? "not set (the family's default)" : "'" + value + "'";
    }

    /**
     * Trains (or resumes training of) a task's surrogate and returns the total training wall seconds.
     *
     * @param label prefix of the progress bar and the summary line, such as {@code 3/7 train}
     */
    static double train(Task task, String familyName, Dataset data, SurrogateOptions options, Path checkpoints,
                        int threads, String label) throws IOException {
        checkSettings(task, familyName, options, data.schema(), checkpoints);
        startEngine(threads);
        SurrogateFamily family = SurrogateFamilies.byName(familyName);
        TrainingProgress progress = new TrainingProgress(label + " " + family.name());
        double seconds = family.train(task, data, options, checkpoints, progress);
        long reached = Checkpoint.read(checkpoints).state().step();
        if (reached > options.steps()) {
            System.err.printf("%s %s: the newest checkpoint in %s is at step %d, beyond --steps %d, so nothing was"
                    + " trained; give --steps above %d to train on, or another --out folder to start over%n", label,
                    family.name(), checkpoints, reached, options.steps(), reached);
        }
        Optional<Path> guide = DiffusionFamily.guideFolder(checkpoints);
        String guideSteps = guide.isEmpty() ? ""
                : " and a guide of " + Checkpoint.read(guide.get()).state().step() + " steps";
        System.err.printf("%s %s: %d steps%s, %.1f s of training in total%n", label, family.name(),
                Math.max(reached, options.steps()), guideSteps, seconds);
        return seconds;
    }

    /**
     * Returns the total training wall seconds recorded in the newest checkpoint, with those of a diffusion
     * model's guide (autoguidance) added, since generation needs both.
     */
    static OptionalDouble trainingSeconds(Path checkpoints) throws IOException {
        double seconds = Checkpoint.read(checkpoints).state().trainingWallSeconds();
        Optional<Path> guide = DiffusionFamily.guideFolder(checkpoints);
        if (guide.isPresent()) {
            seconds += Checkpoint.read(guide.get()).state().trainingWallSeconds();
        }
        return OptionalDouble.of(seconds);
    }

    /** Returns the training dataset folder recorded in the newest checkpoint's metadata. */
    static Path trainingData(Path checkpoints) throws IOException {
        String path = Checkpoint.read(checkpoints).metadata().path("caller").path("trainingData").path("path").asText();
        return Path.of(path);
    }

    /**
     * Generates a dataset with a trained surrogate at the given points and seeds, in batches.
     *
     * @param seeds one seed per point, or null to derive them from {@code seed}
     * @param batch samples per generator call; the wall time of a call is shared evenly by its samples
     * @param sampler sampler settings for a diffusion checkpoint; empty for the family's defaults
     * @param label label of the progress bar, such as {@code 4/7 generate}
     */
    static Manifest sample(Path checkpoints, List<ParameterPoint> points, long[] seeds, long seed, int batch,
                           int threads, DiffusionSamplerOptions sampler, Path out, String label)
            throws IOException, InterruptedException {
        startEngine(threads);
        Generator surrogate = sampler.apply(SurrogateFamilies.forCheckpoint(checkpoints).load(checkpoints));
        Sweep.Builder sweep = Sweep.builder();
        if (seeds != null) {
            sweep.seeds(seeds);
        }
        String task = Checkpoint.read(checkpoints).metadata().path("caller").path("task").asText("");
        return sweep
                .task(task)
                .generator(surrogate)
                .points(points)
                .seed(new SplittableRandom(seed).nextLong())
                .batchSize(batch)
                .shardSize(Math.max(batch, 64))
                .threads(1)
                .commandLine(CommandLineRecord.get())
                .configuration(Map.of("checkpoint", checkpoints.toString(), "batch", Integer.toString(batch)))
                .parents(Map.of("trainingData", Checkpoint.read(checkpoints).metadata().path("caller")
                        .path("trainingData").path("manifestSha256").asText()))
                .listener(ProgressBar.onStandardError(label, "samples"))
                .build()
                .run(out);
    }
}
