package org.twinfold.core;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scientific task that twinfold can twin: its reference simulator, the observables that judge a
 * surrogate, and presets for its scale. Tasks are found with {@link java.util.ServiceLoader}: list
 * the implementation in {@code META-INF/services/org.twinfold.core.Task} and every command finds it.
 */
public interface Task {

    /** Returns the name used on the command line, such as {@code oscillator}. */
    String name();

    /** Returns one sentence that describes what the task simulates. */
    String description();

    /** Returns the reference simulator at the default preset's scale. */
    Generator simulator();

    /**
     * Returns the reference simulator at a preset's scale (lattice size, run length). Tasks whose
     * simulator does not depend on the preset keep this default.
     */
    default Generator simulator(String presetName) {
        preset(presetName);
        return simulator();
    }

    /** Returns the scalar quantities that evaluation compares between simulated and generated samples. */
    List<Observable> observables();

    /** Returns true when the simulator gives the same sample for the same point whatever the seed. */
    boolean deterministic();

    /**
     * Returns the name of the surrogate family that {@code twinfold run} trains for this task, such as
     * {@code mlp} for a deterministic field.
     */
    default String surrogateFamily() {
        return "mlp";
    }

    /**
     * Returns the settings this task recommends to surrogate families, keyed {@code family.setting}
     * (for example {@code vae.normalize-by = incident_energy}): the preprocessing that suits the
     * task's data, which a family cannot guess from the schema alone. A family reads the keys that
     * start with its own name and ignores the rest; an empty map means the family's defaults.
     */
    default Map<String, String> surrogateSettings() {
        return Map.of();
    }

    /**
     * Returns a picture of sample {@code index} of a batch, such as a coloured lattice, for
     * {@code twinfold simulate} to save as PNG; empty when the task has no picture of its samples.
     */
    default Optional<BufferedImage> preview(SampleBatch batch, int index) {
        return Optional.empty();
    }

    /** Returns the presets of this task; the first is the default. */
    List<Preset> presets();

    /** Returns the preset with this name, or throws listing the presets that exist. */
    default Preset preset(String name) {
        for (Preset preset : presets()) {
            if (preset.name().equals(name)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("task '" + name() + "' has no preset '" + name + "'; presets are "
                + presets().stream().map(Preset::name).toList());
    }
}
