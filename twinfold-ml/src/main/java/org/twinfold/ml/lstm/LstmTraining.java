package org.twinfold.ml.lstm;

import org.twinfold.ml.train.TrainingResult;

/**
 * A trained operator with what its training did. The arrays are not copied; treat them as read-only.
 *
 * @param operator the trained operator; the caller closes it
 * @param result steps, final loss, wall time and last checkpoint of the training loop
 * @param validationMeanSquaredError mean squared error of the next frame over all validation windows
 *     and components, in scaled units (frames scaled to [-1, 1]); NaN when no trajectory was held out
 * @param trainingTrajectories indices of the trajectories trained on, sorted
 * @param validationTrajectories indices of the held-out trajectories, sorted
 */
public record LstmTraining(LstmOperator operator, TrainingResult result, double validationMeanSquaredError,
        int[] trainingTrajectories, int[] validationTrajectories) {
}
