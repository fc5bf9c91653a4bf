package org.twinfold.core;

import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Anything that turns parameter points into samples: a reference simulator or a trained surrogate.
 * Both share a {@link Schema}, so sweeps, datasets and evaluation treat them alike.
 *
 * <p>Contract: sample {@code i} of the result depends only on {@code points.get(i)} and
 * {@code seeds[i]}, never on the batch size, the batch order or the thread. A deterministic
 * generator ignores the seeds. Implementations must be safe to call from several threads at once.
 */
public interface Generator {

    GeneratorInfo info();

    Schema schema();

    ParameterSpace parameterSpace();

    /**
     * Generates one sample per point.
     *
     * @param points parameter points, each inside {@link #parameterSpace()}
     * @param seeds one seed per point
     * @return a batch of {@code points.size()} samples following {@link #schema()}
     */
    SampleBatch generate(List<ParameterPoint> points, long[] seeds);

    /**
     * Generates as {@link #generate(List, long[])} does and passes the fraction of the call done so far,
     * from 0 to 1, to {@code progress}, so that a progress bar moves during a long call. The default reports
     * nothing; a generator whose calls take long, such as a diffusion sampler, reports as it goes.
     */
    default SampleBatch generate(List<ParameterPoint> points, long[] seeds, DoubleConsumer progress) {
        return generate(points, seeds);
    }
}
