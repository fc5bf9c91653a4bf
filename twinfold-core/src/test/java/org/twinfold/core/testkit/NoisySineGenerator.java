package org.twinfold.core.testkit;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.Generator;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.Parameter;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.ParameterSpace;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;

/**
 * A small stochastic test generator: {@code signal} float32 [8] = sin(frequency * t) plus Gaussian
 * noise from the sample's seed, and {@code mask} uint8 [2, 2] of the signal's signs. It can be set
 * to fail after a number of samples, to imitate a run that is killed.
 */
public class NoisySineGenerator implements Generator {
    public static final Schema SCHEMA = Schema.of(
            new Field("signal", List.of(8), ElementType.FLOAT32, "1", "noisy sine"),
            new Field("mask", List.of(2, 2), ElementType.UINT8, "1", "signs of the first four values"));
    public static final ParameterSpace SPACE = ParameterSpace.of(
            new Parameter("frequency", 0.5, 2.0, "rad/s", "angular frequency"));

    private final AtomicInteger remainingBeforeFailure;
    private final AtomicInteger generated = new AtomicInteger();

    public NoisySineGenerator() {
        this(Integer.MAX_VALUE);
    }

    public NoisySineGenerator(int samplesBeforeFailure) {
        this.remainingBeforeFailure = new AtomicInteger(samplesBeforeFailure);
    }

    @Override
    public GeneratorInfo info() {
        return new GeneratorInfo("noisy-sine", "1", Map.of("noise", "0.1"));
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public ParameterSpace parameterSpace() {
        return SPACE;
    }

    /** Returns how many samples this generator has made. */
    public int generated() {
        return generated.get();
    }

    @Override
    public SampleBatch generate(List<ParameterPoint> points, long[] seeds) {
        int n = points.size();
        float[] signal = new float[n * 8];
        byte[] mask = new byte[n * 4];
        for (int i = 0; i < n; i++) {
            if (remainingBeforeFailure.decrementAndGet() < 0) {
                throw new IllegalStateException("simulated crash");
            }
            SplittableRandom random = new SplittableRandom(seeds[i]);
            for (int t = 0; t < 8; t++) {
                double value = Math.sin(points.get(i).value(0) * t) + 0.1 * gaussian(random);
                signal[i * 8 + t] = (float) value;
                if (t < 4) {
                    mask[i * 4 + t] = (byte) (value > 0 ? 1 : 0);
                }
            }
            generated.incrementAndGet();
        }
        return SampleBatch.builder(SCHEMA, n).put("signal", signal).put("mask", mask).build();
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
