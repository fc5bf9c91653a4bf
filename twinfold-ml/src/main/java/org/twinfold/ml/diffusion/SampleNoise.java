package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Standard normal noise for a batch of samples, drawn in Java from one stream per sample seeded by
 * the sample's own seed. Sample i therefore receives the same noise whatever batch it is in, which
 * makes generated samples independent of batch size and order (up to floating-point rounding in
 * libtorch, whose kernels may pick other blockings for other batch sizes).
 */
final class SampleNoise {
    private final SplittableRandom[] streams;
    private final Shape sampleShape;

    /**
     * @param seeds one seed per sample
     * @param sampleShape shape of one sample, such as (C, H, W)
     */
    SampleNoise(long[] seeds, Shape sampleShape) {
        this.streams = new SplittableRandom[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            streams[i] = new SplittableRandom(seeds[i]);
        }
        this.sampleShape = sampleShape;
    }

    /** Returns the next noise array (N, sampleShape...) on {@code manager}, N(0, 1) per element. */
    NDArray next(NDManager manager) {
        int perSample = Math.toIntExact(sampleShape.size());
        float[] values = new float[streams.length * perSample];
        for (int i = 0; i < streams.length; i++) {
            SplittableRandom stream = streams[i];
            for (int j = 0; j < perSample; j++) {
                values[i * perSample + j] = (float) stream.nextGaussian();
            }
        }
        return manager.create(values, new Shape(streams.length).addAll(sampleShape));
    }
}
