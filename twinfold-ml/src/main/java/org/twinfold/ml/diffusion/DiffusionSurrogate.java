package org.twinfold.ml.diffusion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.twinfold.core.Field;
import org.twinfold.core.Generator;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.ParameterSpace;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;

/**
 * A trained {@link DiffusionModel} served as a stochastic {@link Generator} of one 2-D field: sample
 * i is drawn with the noise of {@code seeds[i]} under the condition of {@code points.get(i)} (its
 * class label, or its normalized parameters), then mapped to the field's units by the
 * {@link FieldScaling} (uint8 masks thresholded at 0). The same point and seed give the same sample
 * in any batch. Thread-safe: calls run one at a time on the model.
 *
 * <p>Owns the model and any guide model: {@link #close} frees their native memory.
 */
public final class DiffusionSurrogate implements Generator, AutoCloseable {
    private final GeneratorInfo info;
    private final Schema schema;
    private final Field field;
    private final Conditioning conditioning;
    private final FieldScaling scaling;
    private final DiffusionModel model;
    private final SamplingOptions sampling;
    private final DiffusionModel guide;
    private final String guideDescription;

    /**
     * @throws IllegalArgumentException when the schema is not one 2-D field of the model's image size
     */
    public DiffusionSurrogate(GeneratorInfo info, Schema schema, Conditioning conditioning, FieldScaling scaling,
                              DiffusionModel model, SamplingOptions sampling) {
        this(info, schema, conditioning, scaling, model, sampling, null, null);
    }

    private DiffusionSurrogate(GeneratorInfo info, Schema schema, Conditioning conditioning, FieldScaling scaling,
                               DiffusionModel model, SamplingOptions sampling, DiffusionModel guide,
                               String guideDescription) {
        if (schema.fields().size() != 1 || schema.fields().get(0).shape().size() != 2) {
            throw new IllegalArgumentException("a diffusion surrogate produces one 2-D field, but the schema has "
                    + schema.fields());
        }
        Field only = schema.fields().get(0);
        long sites = model.imageShape().size();
        if (only.elementsPerSample() != sites) {
            throw new IllegalArgumentException("field '" + only.name() + "' with shape " + only.shape() + " has "
                    + only.elementsPerSample() + " sites but the model generates " + model.imageShape());
        }
        this.info = info;
        this.schema = schema;
        this.field = only;
        this.conditioning = conditioning;
        this.scaling = scaling;
        this.model = model;
        this.sampling = sampling;
        this.guide = guide;
        this.guideDescription = guideDescription;
    }

    /**
     * Returns a surrogate with other sampling settings that shares this one's model. Its info records
     * the new sampler, so generated datasets name the sampler that made them.
     */
    public DiffusionSurrogate withSampling(SamplingOptions options) {
        return new DiffusionSurrogate(info(options, guideDescription), schema, conditioning, scaling, model, options,
                guide, guideDescription);
    }

    /**
     * Returns a surrogate that shares this one's model and samples it guided by {@code weaker} (see
     * {@link DiffusionModel#sample(ConditionBatch, long[], SamplingOptions, DiffusionModel)}); it owns the
     * guide as well. Its info names the guide unless the guidance weight is 1, which leaves the guide unused.
     *
     * @param description how generated datasets name the guide, e.g. its checkpoint folder
     * @throws IllegalArgumentException when the guide generates other images or takes other conditions
     */
    // NOTE: a guide that this surrogate already had is not closed here; closing this surrogate frees it.
    public DiffusionSurrogate withGuide(DiffusionModel weaker, String description) {
        model.requireGuides(weaker);
        return new DiffusionSurrogate(info(sampling, description), schema, conditioning, scaling, model, sampling,
                weaker, description);
    }

    /** Returns the info with the sampler, and the guide where the sampler uses one (a weight other than 1). */
    private GeneratorInfo info(SamplingOptions options, String guideName) {
        Map<String, String> settings = new HashMap<>(info.settings());
        settings.put("sampler", options.toString());
        settings.remove("guide");
        if (guideName != null && options.guidanceScale() != 1) {
            settings.put("guide", guideName);
        }
        return new GeneratorInfo(info.id(), info.version(), settings);
    }

    public SamplingOptions sampling() {
        return sampling;
    }

    public DiffusionModel model() {
        return model;
    }

    @Override
    public GeneratorInfo info() {
        return info;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ParameterSpace parameterSpace() {
        return conditioning.space();
    }

    @Override
    public SampleBatch generate(List<ParameterPoint> points, long[] seeds) {
        return generate(points, seeds, fraction -> { });
    }

    /** Generates as {@link #generate(List, long[])} does and reports the fraction done after each sampler step. */
    @Override
    public SampleBatch generate(List<ParameterPoint> points, long[] seeds, DoubleConsumer progress) {
        if (seeds.length != points.size()) {
            throw new IllegalArgumentException(points.size() + " points but " + seeds.length + " seeds; pass one seed"
                    + " per point");
        }
        ParameterSpace space = conditioning.space();
        for (ParameterPoint point : points) {
            space.validate(point);
        }
        if (points.isEmpty()) {
            return SampleBatch.builder(schema, 0).put(field.name(), scaling.fromNetwork(new float[0])).build();
        }

        ConditionBatch conditions = conditioning.conditions(points);
        float[] images = model.sample(conditions, seeds, sampling, guide, progress);
        return SampleBatch.builder(schema, points.size()).put(field.name(), scaling.fromNetwork(images)).build();
    }

    @Override
    public void close() {
        model.close();
        if (guide != null) {
            guide.close();
        }
    }
}
