package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * A denoiser D(x; sigma): the estimate of the clean image given an image with Gaussian noise of
 * standard deviation sigma added. In the probability-flow ODE of EDM,
 * dx/dsigma = (x - D(x; sigma)) / sigma, the ideal denoiser E[y | y + sigma n = x] transports
 * N(0, sigma_max^2) noise to the data distribution.
 */
@FunctionalInterface
public interface Denoiser {

    /**
     * @param x noisy images (N, C, H, W)
     * @param sigma noise level shared by all N samples, positive
     * @return D(x; sigma), shaped like x, on the manager of {@code x}
     */
    NDArray denoise(NDArray x, double sigma);
}
