package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.UnaryOperator;

/**
 * The preconditioning of EDM (Karras, Aittala, Aila and Laine, "Elucidating the Design Space of
 * Diffusion-Based Generative Models", NeurIPS 2022, table 1): the denoiser is built from a raw network
 * F as
 * <pre>
 *   D(x; sigma) = c_skip(sigma) x + c_out(sigma) F(c_in(sigma) x; c_noise(sigma))
 *   c_skip = sigma_data^2 / (sigma^2 + sigma_data^2)
 *   c_out  = sigma sigma_data / sqrt(sigma^2 + sigma_data^2)
 *   c_in   = 1 / sqrt(sigma^2 + sigma_data^2)
 *   c_noise = ln(sigma) / 4
 * </pre>
 * and trained with the loss weight lambda(sigma) = (sigma^2 + sigma_data^2) / (sigma sigma_data)^2,
 * which makes the effective target of F have unit variance at every noise level. sigma and
 * sigma_data are in the units of the scaled data (for masks scaled to [-1, 1], sigma_data = 0.5).
 *
 * @param sigmaData standard deviation of the data distribution, positive
 */
public record EdmPreconditioning(double sigmaData) {

    public EdmPreconditioning {
        if (!(sigmaData > 0) || !Double.isFinite(sigmaData)) {
            throw new IllegalArgumentException("sigma_data is " + sigmaData + "; it must be positive, e.g. 0.5");
        }
    }

    public double cSkip(double sigma) {
        double sd2 = sigmaData * sigmaData;
        return sd2 / (sigma * sigma + sd2);
    }

    public double cOut(double sigma) {
        return sigma * sigmaData / Math.sqrt(sigma * sigma + sigmaData * sigmaData);
    }

    public double cIn(double sigma) {
        return 1 / Math.sqrt(sigma * sigma + sigmaData * sigmaData);
    }

    public double cNoise(double sigma) {
        return Math.log(sigma) / 4;
    }

    public double lossWeight(double sigma) {
        double product = sigma * sigmaData;
        return (sigma * sigma + sigmaData * sigmaData) / (product * product);
    }

    /**
     * Evaluates D(x; sigma_i) for each sample i.
     *
     * @param network the raw network F: inputs (c_in x, c_noise, conditions...), output shaped like x
     * @param x noisy images (N, C, H, W)
     * @param sigmas noise level of each sample, N values, positive
     * @param conditions the network's conditioning inputs after c_noise (may be empty)
     * @return the denoised images (N, C, H, W), on the manager of {@code x}
     */
    public NDArray denoise(UnaryOperator<NDList> network, NDArray x, double[] sigmas, NDList conditions) {
        return denoise(network, x, sigmas, conditions, null);
    }

    /**
     * Evaluates D(x; sigma_i) for a self-conditioned network, which takes {@code estimate}, its previous
     * estimate of the clean images, as further input channels after c_in x.
     *
     * @param estimate the previous estimate (N, C, H, W) in the units of x, or null for a network without
     *     self-conditioning
     */
    public NDArray denoise(UnaryOperator<NDList> network, NDArray x, double[] sigmas, NDList conditions,
                           NDArray estimate) {
        int n = sigmas.length;
        if (x.getShape().get(0) != n) {
            throw new IllegalArgumentException(x.getShape() + " holds " + x.getShape().get(0) + " samples but "
                    + n + " noise levels were given");
        }
        NDManager manager = x.getManager();
        Shape perSample = new Shape(n, 1, 1, 1);
        float[] skip = new float[n];
        float[] out = new float[n];
        float[] in = new float[n];
        float[] noise = new float[n];
        for (int i = 0; i < n; i++) {
            skip[i] = (float) cSkip(sigmas[i]);
            out[i] = (float) cOut(sigmas[i]);
            in[i] = (float) cIn(sigmas[i]);
            noise[i] = (float) cNoise(sigmas[i]);
        }

        NDArray scaled = x.mul(coefficients(manager, in, perSample, x));
        NDList inputs = new NDList(estimate == null ? scaled : scaled.concat(estimate, 1),
                coefficients(manager, noise, new Shape(n), x));
        inputs.addAll(conditions);
        NDArray raw = network.apply(inputs).head();
        return x.mul(coefficients(manager, skip, perSample, x)).addi(raw.mul(coefficients(manager, out, perSample, x)));
    }

    private static NDArray coefficients(NDManager manager, float[] values, Shape shape, NDArray like) {
        NDArray array = manager.create(values, shape);
        return like.getDataType() == array.getDataType() ? array : array.toType(like.getDataType(), false);
    }
}
