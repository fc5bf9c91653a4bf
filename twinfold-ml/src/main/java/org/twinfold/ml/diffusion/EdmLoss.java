package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.twinfold.ml.train.StepContext;
import org.twinfold.ml.train.TrainingLoss;

/**
 * The EDM training loss (Karras et al. 2022, eq. 8 with table 1):
 * <pre>
 *   L = mean over samples i and pixels of lambda(sigma_i) (D(y_i + sigma_i n_i; sigma_i) - y_i)^2
 * </pre>
 * with ln(sigma_i) ~ N(P_mean, P_std^2) and n_i ~ N(0, I). Both are drawn in Java from the step's
 * random source, so a resumed run draws the same noise as an uninterrupted one. EDM sums over pixels;
 * the mean used here differs by the constant pixel count, which only rescales the learning rate.
 *
 * <p>With self-conditioning (Chen, Zhang and Hinton, "Analog Bits", ICLR 2023) the network also takes
 * an estimate of y: zeros in half of the steps, and in the other half the network's own estimate from a
 * first pass with zeros, through which no gradient flows. The sampler then feeds each evaluation the
 * previous one's output. The coin is drawn from the step's random source after the noise.
 *
 * <p>The batch contains the clean images y (N, C, H, W) followed by the network's condition inputs.
 */
final class EdmLoss implements TrainingLoss {
    private final EdmPreconditioning preconditioning;
    private final NoiseLevels noiseLevels;
    private final boolean selfCondition;

    EdmLoss(EdmPreconditioning preconditioning, NoiseLevels noiseLevels, boolean selfCondition) {
        this.preconditioning = preconditioning;
        this.noiseLevels = noiseLevels;
        this.selfCondition = selfCondition;
    }

    @Override
    public NDArray compute(StepContext context, NDList batch) {
        NDArray clean = batch.get(0);
        Shape shape = clean.getShape();
        int n = Math.toIntExact(shape.get(0));
        int perSample = Math.toIntExact(shape.size() / n);
        NDManager manager = context.manager();

        double[] sigmas = new double[n];
        float[] weights = new float[n];
        float[] noise = new float[n * perSample];
        for (int i = 0; i < n; i++) {
            sigmas[i] = noiseLevels.draw(context.random());
            weights[i] = (float) preconditioning.lossWeight(sigmas[i]);
            for (int j = 0; j < perSample; j++) {
                noise[i * perSample + j] = (float) (sigmas[i] * context.random().nextGaussian());
            }
        }

        NDArray noisy = clean.add(manager.create(noise, shape));
        NDList conditions = new NDList(batch.subList(1, batch.size()));
        NDArray estimate = null;
        if (selfCondition) {
            estimate = noisy.zerosLike();
            if (context.random().nextBoolean()) {
                estimate = preconditioning.denoise(context::forward, noisy, sigmas, conditions, estimate)
                        .stopGradient();
            }
        }
        NDArray denoised = preconditioning.denoise(context::forward, noisy, sigmas, conditions, estimate);
        NDArray weight = manager.create(weights, new Shape(n, 1, 1, 1));
        return denoised.sub(clean).square().mul(weight).mean();
    }
}
