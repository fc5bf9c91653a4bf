package org.twinfold.ml.vae;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.Generator;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.Observable;
import org.twinfold.core.Parameter;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.ParameterSpace;
import org.twinfold.core.Preset;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Sampling;
import org.twinfold.core.Schema;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.sweep.Sweep;

/**
 * A 2-D Gaussian whose mean and spread depend on log10 of the parameter {@code scale} in [1, 100]:
 * with s = log10(scale), x0 ~ N(2 s, 0.5^2) and x1 ~ N(-1 + 0.5 s, (0.2 + 0.1 s)^2), independent.
 */
final class ConditionalGaussian implements Generator {
    static final Schema SCHEMA = Schema.of(new Field("x", List.of(2), ElementType.FLOAT32, "1", "2-D point"));
    static final ParameterSpace SPACE = ParameterSpace.of(new Parameter("scale", 1, 100, "1", "scale"));

    static double mean0(double scale) {
        return 2 * Math.log10(scale);
    }

    static double std0(double scale) {
        return 0.5;
    }

    static double mean1(double scale) {
        return -1 + 0.5 * Math.log10(scale);
    }

    static double std1(double scale) {
        return 0.2 + 0.1 * Math.log10(scale);
    }

    @Override
    public GeneratorInfo info() {
        return new GeneratorInfo("conditional-gaussian", "1", Map.of());
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public ParameterSpace parameterSpace() {
        return SPACE;
    }

    @Override
    public SampleBatch generate(List<ParameterPoint> points, long[] seeds) {
        float[] x = new float[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            double scale = points.get(i).value(0);
            SplittableRandom random = new SplittableRandom(seeds[i]);
            x[2 * i] = (float) (mean0(scale) + std0(scale) * random.nextGaussian());
            x[2 * i + 1] = (float) (mean1(scale) + std1(scale) * random.nextGaussian());
        }
        return SampleBatch.builder(SCHEMA, points.size()).put("x", x).build();
    }

    /** Writes {@code count} log-uniform samples into {@code folder}, recording the sampling, and opens them. */
    static Dataset dataset(Path folder, int count) throws Exception {
        List<ParameterPoint> points = Sampling.LOG_UNIFORM.sample(SPACE, count, new SplittableRandom(1));
        Sweep.builder().generator(new ConditionalGaussian()).points(points).seed(2).task("gaussian")
                .configuration(Map.of("sampling", Sampling.LOG_UNIFORM.name())).build().run(folder);
        return Dataset.open(folder);
    }

    /** Returns a task around this generator with the given surrogate settings. */
    static Task task(Map<String, String> settings) {
        return new Task() {
            @Override
            public String name() {
                return "gaussian";
            }

            @Override
            public String description() {
                return "conditional 2-D Gaussian";
            }

            @Override
            public Generator simulator() {
                return new ConditionalGaussian();
            }

            @Override
            public List<Observable> observables() {
                return List.of();
            }

            @Override
            public boolean deterministic() {
                return false;
            }

            @Override
            public Map<String, String> surrogateSettings() {
                return settings;
            }

            @Override
            public List<Preset> presets() {
                return List.of(new Preset("quick", "test", Sampling.LOG_UNIFORM, 10, 10, 1, 1, 1e-3));
            }
        };
    }
}
