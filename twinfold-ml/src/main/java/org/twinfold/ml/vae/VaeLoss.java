package org.twinfold.ml.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.twinfold.ml.train.StepContext;
import org.twinfold.ml.train.TrainingLoss;

/**
 * The negative evidence lower bound of a batch, with a weighted KL term:
 *
 * <pre>
 *   loss = mean_{n,i} (xhat_ni - x_ni)^2 + beta_t * mean_n KL_n
 *   KL_n = 1/2 sum_l (mu_nl^2 + sigma_nl^2 - 1 - 2 ln sigma_nl)      (KL of N(mu, sigma^2) from N(0, 1))
 *   beta_t = beta * min(1, t / warm-up steps)
 * </pre>
 *
 * The squared error is averaged over the d field values, so the loss equals, up to a constant, the
 * ELBO of a Gaussian decoder with variance beta d / 2 per value. The batch is (x (N, d), c (N, p),
 * eps (N, L)).
 *
 * <p>Every constant enters the graph as an array on the step's manager: DJL frees the arrays it makes
 * from Java scalars before libtorch's backward pass reads them.
 */
final class VaeLoss implements TrainingLoss {
    private final double beta;
    private final long warmupSteps;
    private final int latentSize;

    /**
     * @param beta the KL weight after the warm-up, 0 or more
     * @param warmupSteps steps over which the KL weight rises linearly from 0; 0 for none
     */
    VaeLoss(double beta, long warmupSteps, int latentSize) {
        this.beta = beta;
        this.warmupSteps = warmupSteps;
        this.latentSize = latentSize;
    }

    /** Returns beta_t, the KL weight at {@code step}. */
    double betaAt(long step) {
        return warmupSteps <= 0 ? beta : beta * Math.min(1.0, (double) step / warmupSteps);
    }

    @Override
    public NDArray compute(StepContext context, NDList batch) {
        NDList outputs = context.forward(batch);
        NDArray reconstruction = outputs.get(0);
        NDArray mu = outputs.get(1);
        NDArray logSigma = outputs.get(2);

        NDArray squaredError = reconstruction.sub(batch.get(0)).square().mean();
        NDArray twoLogSigma = logSigma.add(logSigma);
        // sum_l (mu^2 + sigma^2 - 2 ln sigma), averaged over the batch; the constant -L is added below.
        NDArray klTerms = mu.square().add(twoLogSigma.exp()).sub(twoLogSigma).sum(new int[] {1}).mean();

        NDManager manager = context.manager();
        double weight = betaAt(context.step());
        NDArray halfWeight = manager.create((float) (0.5 * weight));
        NDArray offset = manager.create((float) (0.5 * weight * latentSize));
        return squaredError.add(klTerms.mul(halfWeight)).sub(offset);
    }
}
