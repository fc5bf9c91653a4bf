package org.twinfold.cli.operator;

/**
 * Settings of one operator of an {@link OperatorPlan}: its large step Delta_R as a multiple of the
 * Verlet step, the data it trains on, its training and the rollout it is judged on.
 *
 * @param multiple Delta_R / Delta, a whole multiple of the plan's save interval (100, 1,000, 4,000)
 * @param trainingFrames frames of each subsampled training trajectory used for training, from t = 0;
 *     more than the window
 * @param horizon K, operator steps of the evaluated rollout after the kick-start window, at least 1
 * @param trainingSteps optimizer steps, at least 1
 * @param batchSize windows per optimizer step, at least 1
 * @param learningRate peak learning rate of Adam (warm-up over 5 % of the steps, cosine decay to 1e-5)
 */
public record MultiplePlan(int multiple, int trainingFrames, int horizon, long trainingSteps, int batchSize,
        double learningRate) {

    public MultiplePlan {
        if (multiple < 1) {
            throw new IllegalArgumentException("multiple is " + multiple + "; Delta_R must be a positive multiple of"
                    + " the Verlet step, such as 100, 1000 or 4000");
        }
        if (horizon < 1 || trainingSteps < 1 || batchSize < 1) {
            throw new IllegalArgumentException("multiple " + multiple + ": horizon " + horizon + ", trainingSteps "
                    + trainingSteps + " and batchSize " + batchSize + " must each be at least 1");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("multiple " + multiple + ": learningRate is " + learningRate
                    + "; it must be finite and positive, e.g. 0.003");
        }
    }

    /** Returns the name of the operator's folder and label, such as {@code x100}. */
    public String label() {
        return "x" + multiple;
    }

    /** Returns this plan with another number of training steps. */
    public MultiplePlan withTrainingSteps(long steps) {
        return new MultiplePlan(multiple, trainingFrames, horizon, steps, batchSize, learningRate);
    }
}
