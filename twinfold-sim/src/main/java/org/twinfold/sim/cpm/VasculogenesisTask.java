package org.twinfold.sim.cpm;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.twinfold.core.Field;
import org.twinfold.core.Generator;
import org.twinfold.core.Observable;
import org.twinfold.core.Preset;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Sampling;
import org.twinfold.core.Task;

/**
 * Vasculogenesis: endothelial cells in a Cellular Potts model that form vascular networks through
 * VEGF chemotaxis with contact inhibition, the task of the diffusion surrogate of Comlekoglu et al.
 * (arXiv:2505.09630). The observables are morphology metrics of the final cell mask.
 *
 * <p>Presets: {@code quick} runs 64 x 64 lattices for 1,000 MCS (about 60 cells, a fraction of a second
 * per run on one core); {@code paper} runs the published 256 x 256 lattices for 20,000 MCS (tens of
 * seconds per run) with the training-set size of the diffusion surrogate. {@link Preset} has no field
 * for the lattice or run length, so {@link #simulator(String)} returns the generator of each preset.
 */
public final class VasculogenesisTask implements Task {
    private static final int QUICK_SIDE = 64;
    private static final int QUICK_MCS = 1000;

    /** Approximate width of preview images in pixels; each lattice site becomes a square block. */
    private static final int PREVIEW_WIDTH_PIXELS = 512;

    @Override
    public Optional<BufferedImage> preview(SampleBatch batch, int index) {
        Field ids = batch.schema().field("cell_id");
        int height = ids.shape().get(0);
        int width = ids.shape().get(1);
        int[] sample = Arrays.copyOfRange(batch.ints("cell_id"), index * width * height, (index + 1) * width * height);
        return Optional.of(ConfigurationRenderer.render(sample, width, height, Math.max(1, PREVIEW_WIDTH_PIXELS / width)));
    }

    @Override
    public String name() {
        return "vasculogenesis";
    }

    @Override
    public String description() {
        return "Cellular Potts model of endothelial cells forming vascular networks by VEGF chemotaxis with"
                + " contact inhibition (CompuCell3D model of Comlekoglu et al.)";
    }

    /** Returns the simulator of the default ({@code quick}) preset. */
    @Override
    public Generator simulator() {
        return simulator(presets().get(0).name());
    }

    /** Returns the simulator with the lattice size and run length of the named preset. */
    public CpmGenerator simulator(String presetName) {
        return switch (preset(presetName).name()) {
            case "quick" -> new CpmGenerator(new CpmGenerator.Settings(QUICK_SIDE, QUICK_SIDE, QUICK_MCS));
            case "paper" -> new CpmGenerator(new CpmGenerator.Settings(CpmPresets.COMLEKOGLU_SIDE,
                    CpmPresets.COMLEKOGLU_SIDE, CpmPresets.COMLEKOGLU_MCS));
            default -> throw new IllegalStateException("preset '" + presetName + "' has no simulator settings");
        };
    }

    @Override
    public List<Observable> observables() {
        return List.of(
                new Observable("lacuna_count", "1", "number of enclosed medium regions of at least 4 pixels",
                        (batch, i) -> measure(batch, i).lacunaCount()),
                new Observable("mean_lacuna_area", "pixel^2", "mean area of the lacunae; NaN without lacunae",
                        (batch, i) -> measure(batch, i).meanLacunaArea()),
                new Observable("vessel_area_fraction", "1", "fraction of pixels covered by cells",
                        (batch, i) -> measure(batch, i).vesselAreaFraction()),
                new Observable("skeleton_length", "pixel", "length of the skeleton of the cell mask",
                        (batch, i) -> measure(batch, i).skeletonLength()),
                new Observable("branch_points", "1", "junctions of the skeleton",
                        (batch, i) -> measure(batch, i).branchPoints()),
                new Observable("end_points", "1", "free ends of the skeleton",
                        (batch, i) -> measure(batch, i).endPoints()),
                new Observable("mean_cord_width", "pixel", "mean vessel width along the skeleton",
                        (batch, i) -> measure(batch, i).meanCordWidth()),
                new Observable("euler_characteristic", "1", "cell clusters minus enclosed holes",
                        (batch, i) -> measure(batch, i).eulerCharacteristic()),
                new Observable("compactness", "1", "cell cluster area over convex hull area",
                        (batch, i) -> measure(batch, i).compactness()));
    }

    private static MorphologyMetrics measure(SampleBatch batch, int index) {
        List<Integer> shape = batch.schema().field("cell_type").shape();
        int height = shape.get(0);
        int width = shape.get(1);
        return Morphology.measure(batch.bytes("cell_type"), index * width * height, width, height,
                Morphology.DEFAULT_MIN_LACUNA_AREA);
    }

    /** Returns {@code diffusion}: a class-conditional generative model of the final cell mask. */
    @Override
    public String surrogateFamily() {
        return "diffusion";
    }

    @Override
    public boolean deterministic() {
        return false;
    }

    @Override
    public List<Preset> presets() {
        return List.of(
                new Preset("quick", "64 x 64 lattices, 1,000 MCS, 10 runs per class: a check on a laptop in"
                        + " minutes", Sampling.CLASSES, 250, 50, 2000, 16, 2e-4),
                // Sizes of the diffusion surrogate: 127,488 training images, batch 1,280, about 9,960 steps.
                // NOTE: the learning rate is EDM2's usual reference value, not checked against the
                // surrogate's training scripts.
                new Preset("paper", "256 x 256 lattices, 20,000 MCS, the training-set size of the diffusion"
                        + " surrogate", Sampling.CLASSES, 127_488, 5000, 9960, 1280, 1e-2));
    }
}
