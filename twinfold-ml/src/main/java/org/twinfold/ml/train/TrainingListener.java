package org.twinfold.ml.train;

import java.nio.file.Path;

/**
 * Receives progress from a {@link TrainingLoop}, on the training thread. Implementations should be
 * quick. An exception thrown here stops training; the newest checkpoint stays as it was.
 */
public interface TrainingListener {

    /** Called after every step. */
    void onStep(StepReport report);

    /**
     * Called before a further network trains with this listener, such as a diffusion model's guide;
     * {@code name} names it for progress displays.
     */
    default void onPhase(String name) {
    }

    /** Called after a checkpoint has been completely written to {@code folder}. */
    default void onCheckpoint(long step, Path folder) {
    }
}
