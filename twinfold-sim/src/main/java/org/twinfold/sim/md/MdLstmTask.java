package org.twinfold.sim.md;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinfold.core.Generator;
import org.twinfold.core.Observable;
import org.twinfold.core.Preset;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Task;

/**
 * The task {@code md-lstm}: the same Lennard-Jones system, simulator, presets and observables as
 * {@link MdTask} ({@code md-lj}), under the name that says what {@code twinfold run} does with it
 * (trains and judges LSTM operators). Datasets record the task name they were made for, so a dataset
 * simulated as {@code md-lj} is not accepted as {@code md-lstm} and the other way round.
 */
public final class MdLstmTask implements Task {
    private final MdTask system = new MdTask();

    @Override
    public String name() {
        return "md-lstm";
    }

    @Override
    public String description() {
        return "the md-lj system under the name of its LSTM operator pipeline: " + system.description();
    }

    @Override
    public Generator simulator() {
        return system.simulator();
    }

    @Override
    public Generator simulator(String presetName) {
        return system.simulator(presetName);
    }

    @Override
    public String surrogateFamily() {
        return system.surrogateFamily();
    }

    @Override
    public Map<String, String> surrogateSettings() {
        return system.surrogateSettings();
    }

    @Override
    public Optional<BufferedImage> preview(SampleBatch batch, int index) {
        return system.preview(batch, index);
    }

    @Override
    public boolean deterministic() {
        return system.deterministic();
    }

    @Override
    public List<Preset> presets() {
        return system.presets();
    }

    @Override
    public List<Observable> observables() {
        return system.observables();
    }
}
