package org.twinfold.sim.cpm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.Generator;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.ParameterSpace;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;

/**
 * The data of the vasculogenesis twin: the final cell-type mask of each {@link CpmGenerator} run as a
 * one-channel image, optionally reduced in resolution, over a chosen subset of the 25 classes.
 *
 * <p>Schema: one field {@code cell_type}, uint8 [H / f, W / f], 0 medium and 1 endothelial cell, where
 * f is the downsampling factor. With f &gt; 1 each f x f block of the lattice becomes one pixel, which
 * is a cell when at least half of its sites are cells. Ties go to cells so that thin cords stay
 * connected. The diffusion surrogate learns exactly this field, so simulated and generated
 * datasets share one schema. The cell ids and the VEGF field stay inside the simulator.
 *
 * <p>Classes: the parameter space lists only the chosen (J, decay) pairs, in the order given; class
 * sampling labels them 0, 1, ... in that order. Thread-safe like {@link CpmGenerator}.
 */
public final class CpmMaskGenerator implements Generator {
    /** Generator id recorded in manifests. */
    public static final String ID = "cpm-vasculogenesis-mask";
    /** Version of the mask extraction; change it whenever the output for a seed changes. */
    public static final String VERSION = "1";

    private final CpmGenerator simulator;
    private final int downsample;
    private final Schema schema;
    private final ParameterSpace space;
    private final List<ParameterPoint> classes;

    /**
     * @param simulator the CPM run behind each mask
     * @param downsample f, a divisor of the lattice width and height; 1 keeps the full resolution
     * @param classes the (J, decay) pairs to offer as classes, each one of the 25 class points
     */
    public CpmMaskGenerator(CpmGenerator simulator, int downsample, List<ParameterPoint> classes) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        int width = simulator.settings().width();
        int height = simulator.settings().height();
        if (downsample < 1 || width % downsample != 0 || height % downsample != 0) {
            throw new IllegalArgumentException("downsampling factor " + downsample + " does not divide the "
                    + width + " x " + height + " lattice; use 1 or a common divisor such as 2");
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("no classes given; pass at least one (J, decay) class point");
        }
        this.downsample = downsample;
        this.classes = List.copyOf(classes);
        this.schema = Schema.of(new Field("cell_type", List.of(height / downsample, width / downsample),
                ElementType.UINT8, "1", "final cell mask: 0 medium, 1 endothelial cell"
                + (downsample > 1 ? " (each pixel a " + downsample + " x " + downsample + " block of the lattice)" : "")));
        List<ParameterPoint> points = new ArrayList<>();
        for (ParameterPoint point : classes) {
            simulator.parameterSpace().validate(point);
            points.add(ParameterPoint.ofClass(points.size(), point.values()));
        }
        this.space = simulator.parameterSpace().withClasses(points);
    }

    /** Returns the CPM run behind each mask. */
    public CpmGenerator simulator() {
        return simulator;
    }

    public int downsample() {
        return downsample;
    }

    @Override
    public GeneratorInfo info() {
        Map<String, String> settings = new LinkedHashMap<>(simulator.info().settings());
        settings.put("downsample", Integer.toString(downsample));
        settings.put("classes", classes.stream().map(p -> "(" + p.value(0) + ", " + p.value(1) + ")").toList()
                .toString());
        settings.put("simulator", CpmGenerator.ID + " " + CpmGenerator.VERSION);
        return new GeneratorInfo(ID, VERSION, settings);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ParameterSpace parameterSpace() {
        return space;
    }

    @Override
    public SampleBatch generate(List<ParameterPoint> points, long[] seeds) {
        byte[] full = simulator.generate(points, seeds).bytes("cell_type");
        int width = simulator.settings().width();
        int height = simulator.settings().height();
        byte[] masks = downsample == 1 ? full : Downsampling.blocks(full, points.size(), width, height, downsample);
        return SampleBatch.builder(schema, points.size()).put("cell_type", masks).build();
    }
}
