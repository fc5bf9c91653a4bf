package org.twinfold.cli.operator;

import org.twinfold.ml.lstm.LstmOperator;

/**
 * An operator of one multiple, trained now or loaded from a complete training.
 *
 * @param operator the network; the caller closes it
 * @param steps optimizer steps done
 * @param trainingWallSeconds wall time of all its training, resumed parts included, in seconds
 * @param validationMeanSquaredError one-step mean squared error of the scaled increment on the held-out
 *     training trajectories
 * @param trainingTrajectories trajectories trained on (the others were held out)
 * @param checkpoint folder of its checkpoints
 * @param resumed true when the training was already complete and was only loaded
 */
record TrainedOperator(LstmOperator operator, long steps, double trainingWallSeconds,
        double validationMeanSquaredError, int trainingTrajectories, String checkpoint, boolean resumed) {
}
