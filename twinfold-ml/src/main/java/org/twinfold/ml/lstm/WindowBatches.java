package org.twinfold.ml.lstm;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.twinfold.ml.train.BatchSupplier;
import org.twinfold.ml.train.StepContext;

/**
 * Training batches of an {@link LstmOperator}: {@code batchSize} windows drawn uniformly with
 * replacement from the step's random source, with scaled inputs (batch, w, d + e) and targets (batch, d).
 * Here e is the number of per-frame features, often 0.
 *
 * <p>With input noise, each input value gets Gaussian noise of the set standard deviation in scaled
 * units. A residual target is then recomputed against the base of the noisy window, for example
 * {@code x_{n+1} - (2 x~_n - x~_{n-1})} for the extrapolation correction, so the network learns to
 * return a perturbed trajectory to the true next frame instead of carrying the perturbation on. A
 * {@link PredictionTarget#NEXT_FRAME} target stays as it is.
 */
final class WindowBatches implements BatchSupplier {
    private final FrameWindows windows;
    private final int windowLength;
    private final int frameSize;
    private final int inputSize;
    private final int batchSize;
    private final double noise;
    private final ComponentScaling scaling;
    private final PredictionTarget target;
    private final ComponentScaling targetScaling;

    WindowBatches(FrameWindows windows, LstmArchitecture architecture, LstmOptions options, ComponentScaling scaling,
            PredictionTarget target, ComponentScaling targetScaling) {
        this.windows = windows;
        this.windowLength = architecture.windowLength();
        this.frameSize = architecture.frameSize();
        this.inputSize = architecture.inputSize();
        this.batchSize = options.batchSize();
        this.noise = options.inputNoise();
        this.scaling = scaling;
        this.target = target;
        this.targetScaling = targetScaling;
    }

    @Override
    public NDList next(StepContext context) {
        int w = windowLength;
        int d = frameSize;
        int windowSize = w * inputSize;
        float[] batchX = new float[batchSize * windowSize];
        float[] batchY = new float[batchSize * d];
        SplittableRandom random = context.random();
        for (int i = 0; i < batchSize; i++) {
            int row = random.nextInt(windows.count());
            System.arraycopy(windows.inputs(), row * windowSize, batchX, i * windowSize, windowSize);
            System.arraycopy(windows.targets(), row * d, batchY, i * d, d);
            if (noise > 0) {
                perturb(batchX, batchY, i, random);
            }
        }

        NDManager stepManager = context.manager();
        return new NDList(stepManager.create(batchX, new Shape(batchSize, w, inputSize)),
                stepManager.create(batchY, new Shape(batchSize, d)));
    }

    /**
     * Adds noise to window {@code i} of the batch and moves its residual target by the change of the base.
     * Only for operators without features ({@link LstmOptions} rejects noise with features), so each input
     * frame contains d values.
     */
    private void perturb(float[] batchX, float[] batchY, int i, SplittableRandom random) {
        int w = windowLength;
        int d = frameSize;
        float[][] clean = new float[w][d];
        float[][] noisy = new float[w][d];
        for (int f = 0; f < w; f++) {
            for (int k = 0; k < d; k++) {
                int index = (i * w + f) * d + k;
                float scaled = batchX[index];
                float perturbed = (float) (scaled + noise * random.nextGaussian());
                batchX[index] = perturbed;
                clean[f][k] = scaling.unscale(scaled, k);
                noisy[f][k] = scaling.unscale(perturbed, k);
            }
        }
        if (target == PredictionTarget.NEXT_FRAME) {
            return;
        }
        for (int k = 0; k < d; k++) {
            double shift = target.base(noisy, w - 1, k) - target.base(clean, w - 1, k);
            float residual = targetScaling.unscale(batchY[i * d + k], k);
            batchY[i * d + k] = targetScaling.scale((float) (residual - shift), k);
        }
    }
}
