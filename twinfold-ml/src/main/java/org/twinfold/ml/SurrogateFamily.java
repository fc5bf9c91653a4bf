package org.twinfold.ml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.twinfold.core.Generator;
import org.twinfold.core.Schema;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.ml.train.TrainingListener;

/**
 * A kind of neural surrogate (MLP, LSTM, diffusion model...) that can be trained on a task's dataset
 * and loaded back as a {@link Generator} with the task's schema. Families are found with
 * {@link java.util.ServiceLoader} under {@code META-INF/services/org.twinfold.ml.SurrogateFamily}.
 * A family writes its {@link #name()} under the key {@code family} of its checkpoints' metadata, so
 * that {@link SurrogateFamilies#forCheckpoint} finds it again.
 */
public interface SurrogateFamily {

    /** Returns the name used on the command line, such as {@code mlp}. */
    String name();

    /**
     * Trains a surrogate into a checkpoint folder, resuming from the newest checkpoint there.
     *
     * @return the total training wall time in seconds, including earlier runs that were resumed
     * @throws IllegalArgumentException when the dataset does not suit this family
     */
    double train(Task task, Dataset data, SurrogateOptions options, Path checkpoints, TrainingListener listener)
            throws IOException;

    /** Loads the newest checkpoint in a folder as a generator. */
    Generator load(Path checkpoints) throws IOException;

    /**
     * Checks this family's settings (keys that start with its name and a dot) against the schema of
     * the data it will train on, before any work starts. The default accepts everything; a family that
     * reads settings checks that they parse and suit the data.
     *
     * @throws IllegalArgumentException naming the setting and its value
     */
    default void checkSettings(Map<String, String> settings, Schema schema) {
    }

    /**
     * Returns whether two maps of this family's settings, both accepted by {@link #checkSettings}, train
     * and sample alike, so that a checkpoint trained with {@code recorded} may be resumed or reused with
     * {@code requested}. The default compares the text; a family that parses its settings compares what they
     * parse to, so that a value given at its default or written another way ({@code 1e-3} for
     * {@code 0.001}) still matches.
     */
    default boolean sameSettings(Map<String, String> recorded, Map<String, String> requested) {
        return recorded.equals(requested);
    }

    /**
     * Returns the option of {@code sample} and {@code run} that overrides a setting which only sets the
     * checkpoint's default sampler, such as {@code --churn}; empty for a setting that shapes training.
     */
    default Optional<String> samplerOption(String key) {
        return Optional.empty();
    }
}
