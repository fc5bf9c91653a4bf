package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.IntConsumer;

/**
 * EDM's second-order sampler (Karras et al. 2022, algorithm 2; with S_churn = 0 it is algorithm 1,
 * deterministic Heun on the probability-flow ODE dx/dt = (x - D(x; t)) / t):
 * <pre>
 *   x_0 ~ N(0, t_0^2 I)
 *   for i = 0..N-1:
 *     gamma = churn(t_i); t^ = t_i (1 + gamma); x^ = x_i + sqrt(t^2 - t_i^2) S_noise eps
 *     d = (x^ - D(x^; t^)) / t^;  x_{i+1} = x^ + (t_{i+1} - t^) d
 *     if t_{i+1} &gt; 0: d' = (x_{i+1} - D(x_{i+1}; t_{i+1})) / t_{i+1};
 *                     x_{i+1} = x^ + (t_{i+1} - t^) (d + d') / 2
 * </pre>
 * All noise comes from {@link SampleNoise}, one stream per sample seed. Each step runs on its own
 * sub-manager, so memory does not grow with the step count. Stateless and thread-safe.
 */
public final class HeunSampler {
    private final SamplerSettings settings;

    public HeunSampler(SamplerSettings settings) {
        this.settings = settings;
    }

    public SamplerSettings settings() {
        return settings;
    }

    /**
     * Draws one sample per seed.
     *
     * @param denoiser D(x; sigma) for a batch of {@code seeds.length} samples
     * @param manager where the result goes
     * @param sampleShape shape of one sample, (C, H, W)
     * @param seeds one seed per sample
     * @return samples (N, C, H, W) on {@code manager}
     */
    public NDArray sample(Denoiser denoiser, NDManager manager, Shape sampleShape, long[] seeds) {
        return sample(denoiser, manager, sampleShape, seeds, done -> { });
    }

    /**
     * Draws one sample per seed as {@link #sample(Denoiser, NDManager, Shape, long[])} does and passes
     * the count of finished steps to {@code stepsDone} after each step.
     */
    public NDArray sample(Denoiser denoiser, NDManager manager, Shape sampleShape, long[] seeds,
                          IntConsumer stepsDone) {
        double[] t = settings.noiseLevels();
        SampleNoise noise = new SampleNoise(seeds, sampleShape);
        NDArray x = noise.next(manager).muli(t[0]);

        for (int i = 0; i < settings.steps(); i++) {
            try (NDManager step = manager.newSubManager()) {
                x.attach(step);
                NDArray next = step(denoiser, noise, x, t[i], t[i + 1], step);
                next.attach(manager);
                x = next;
            }
            stepsDone.accept(i + 1);
        }
        return x;
    }

    private NDArray step(Denoiser denoiser, SampleNoise noise, NDArray x, double current, double next,
                         NDManager step) {
        double gamma = settings.churnAt(current);
        double raised = current * (1 + gamma);
        NDArray xHat = x;
        if (gamma > 0) {
            double scale = Math.sqrt(raised * raised - current * current) * settings.sNoise();
            xHat = x.add(noise.next(step).muli(scale));
        }

        NDArray slope = xHat.sub(denoiser.denoise(xHat, raised)).divi(raised);
        NDArray euler = xHat.add(slope.mul(next - raised));
        if (next == 0) {
            return euler;
        }
        NDArray slopeNext = euler.sub(denoiser.denoise(euler, next)).divi(next);
        return xHat.add(slope.addi(slopeNext).muli((next - raised) / 2));
    }
}
