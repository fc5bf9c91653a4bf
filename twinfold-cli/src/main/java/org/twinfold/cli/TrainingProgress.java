package org.twinfold.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.twinfold.ml.train.StepReport;
import org.twinfold.ml.train.TrainingListener;

/** Shows training progress (step, loss, steps per second, time left) on standard error. */
final class TrainingProgress implements TrainingListener {
    private final String label;
    private ProgressBar bar;
    private boolean started;
    private long lastStep;
    private long lastTotal;

    TrainingProgress(String label) {
        this.label = label;
        this.bar = ProgressBar.onStandardError(label, "steps");
    }

    /** Starts a new bar whose label names the network that trains next, such as "train diffusion guide". */
    @Override
    public void onPhase(String name) {
        bar = ProgressBar.onStandardError(label + " " + name, "steps");
        started = false;
    }

    @Override
    public void onStep(StepReport report) {
        // A step count that starts over or a new total means a second training, such as a diffusion
        // model's guide: the rate and time left restart with it.
        if (!started || report.step() <= lastStep || report.totalSteps() != lastTotal) {
            bar.started(report.totalSteps(), report.step() - 1);
            started = true;
        }
        lastStep = report.step();
        lastTotal = report.totalSteps();
        bar.setDetail(String.format(Locale.ROOT, "loss %.3e, lr %.2e", report.loss(), report.learningRate()));
        bar.progressed(report.step(), report.totalSteps());
    }

    @Override
    public void onCheckpoint(long step, Path folder) {
        bar.setDetail("checkpoint " + folder.getFileName());
    }
}
