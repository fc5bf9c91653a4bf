package org.twinfold.ml.train;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Outcome of {@link TrainingLoop#run()}.
 *
 * @param startStep the step the run resumed from; 0 for a fresh start
 * @param finalStep the last step done
 * @param finalLoss the last step's batch loss; NaN when no step ran
 * @param trainingWallSeconds wall time of all training so far, including earlier runs that were resumed
 * @param lastCheckpoint the newest checkpoint folder, if checkpoints are on
 */
public record TrainingResult(long startStep, long finalStep, double finalLoss, double trainingWallSeconds,
        Optional<Path> lastCheckpoint) {
}
