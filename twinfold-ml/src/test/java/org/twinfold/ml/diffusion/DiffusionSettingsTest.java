package org.twinfold.ml.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffusionSettingsTest {
    private static final DiffusionOptions DEFAULTS = DiffusionOptions.builder().build();

    @Test
    void settingsReplaceOnlyTheValuesTheyName() {
        DiffusionOptions applied = DiffusionSettings.apply(DEFAULTS, Map.of("diffusion.p-mean", "0.533",
                "diffusion.p-std", " 2.333", "diffusion.channel-multipliers", "1,2,2,4",
                "vae.transform", "log"));

        assertEquals(new NoiseLevels(0.533, 2.333), applied.noiseLevels());
        assertEquals(List.of(1, 2, 2, 4), applied.channelMultipliers());
        assertEquals(DEFAULTS.baseChannels(), applied.baseChannels());
        assertEquals(DEFAULTS.sigmaData(), applied.sigmaData());
        assertEquals(DEFAULTS.padding(), applied.padding());
    }

    @Test
    void adaptiveScaleReadAsSwitch() {
        assertFalse(DEFAULTS.adaptiveScale());
        assertTrue(DiffusionSettings.apply(DEFAULTS, Map.of("diffusion.adaptive-scale", "true")).adaptiveScale());
        assertTrue(DiffusionSettings.apply(DEFAULTS, Map.of("diffusion.adaptive-scale", "true")).unet(1, 3, 0)
                .adaptiveScale());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DiffusionSettings.apply(DEFAULTS, Map.of("diffusion.adaptive-scale", "yes")));
        assertEquals("setting diffusion.adaptive-scale is 'yes'; use diffusion.adaptive-scale=true or"
                + " diffusion.adaptive-scale=false", error.getMessage());
    }

    @Test
    void samplerSettingsOverEdmDefaults() {
        SamplingOptions sampling = DiffusionSettings.sampling(Map.of("diffusion.sampler-steps", "12",
                "diffusion.guidance", "1.5", "diffusion.p-mean", "0.5"));

        assertEquals(12, sampling.sampler().steps());
        assertEquals(1.5, sampling.guidanceScale());
        assertEquals(0.0, sampling.sampler().sChurn());
        assertEquals(SamplingOptions.defaults(), DiffusionSettings.sampling(Map.of()));
    }

    @Test
    void guidanceIntervalRead() {
        SamplingOptions sampling = DiffusionSettings.sampling(Map.of("diffusion.guidance", "2.5",
                "diffusion.guidance-interval", "0.3, inf"));

        assertEquals(0.3, sampling.guidanceSigmaMin());
        assertEquals(Double.POSITIVE_INFINITY, sampling.guidanceSigmaMax());
        assertTrue(sampling.guidedAt(80));
        assertFalse(sampling.guidedAt(0.2));
        assertTrue(sampling.toString().contains("guidance 2.5 over sigma 0.3 to inf"), sampling.toString());
    }

    @Test
    void guideConditionRead() {
        SamplingOptions none = DiffusionSettings.sampling(Map.of("diffusion.guidance", "2",
                "diffusion.guide-condition", "none"));
        SamplingOptions same = DiffusionSettings.sampling(Map.of("diffusion.guide-condition", "same"));

        assertTrue(none.unconditionalGuide());
        assertTrue(none.toString().contains("guidance 2, guide without condition"), none.toString());
        assertFalse(same.unconditionalGuide());
        assertEquals(SamplingOptions.defaults(), same);
        assertEquals("--guide-condition", DiffusionSettings.samplerOption("diffusion.guide-condition").orElseThrow());
    }

    @Test
    void guideConditionUnknownValueNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DiffusionSettings.apply(DEFAULTS, Map.of("diffusion.guide-condition", "class")));
        assertTrue(error.getMessage().contains("guide condition 'class' is invalid; give none"), error.getMessage());
    }

    @Test
    void guidanceIntervalNotTwoNumbersNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DiffusionSettings.apply(DEFAULTS, Map.of("diffusion.guidance-interval", "0.3")));
        assertTrue(error.getMessage().contains("guidance interval '0.3' is not two noise levels"), error.getMessage());
    }

    @Test
    void guideFractionReadAndRangeChecked() {
        assertEquals(0.25, DiffusionSettings.guideFraction(Map.of("diffusion.guide-fraction", "0.25")));
        assertEquals(0.0, DiffusionSettings.guideFraction(Map.of()));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DiffusionSettings.apply(DEFAULTS, Map.of("diffusion.guide-fraction", "1")));
        assertTrue(error.getMessage().contains("diffusion.guide-fraction is 1.0; it must be in [0, 1)"),
                error.getMessage());
    }

    @Test
    void augmentationReadAndUnknownOneNamed() {
        assertEquals(Augmentation.NONE, DEFAULTS.augmentation());
        assertEquals(Augmentation.LATTICE,
                DiffusionSettings.apply(DEFAULTS, Map.of("diffusion.augment", "lattice")).augmentation());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DiffusionSettings.apply(DEFAULTS, Map.of("diffusion.augment", "flips")));
        assertEquals("setting diffusion.augment is 'flips'; use diffusion.augment=none or diffusion.augment=lattice",
                error.getMessage());
    }

    @Test
    void samplerStepsBelowTwoRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DiffusionSettings.apply(DEFAULTS, Map.of("diffusion.sampler-steps", "1")));
        assertTrue(error.getMessage().contains("steps"), error.getMessage());
    }

    @Test
    void noSettingsGiveTheSameOptions() {
        assertEquals(DEFAULTS, DiffusionSettings.apply(DEFAULTS, Map.of()));
        assertSame(DEFAULTS.padding(), DiffusionSettings.apply(DEFAULTS, Map.of()).padding());
    }

    @Test
    void settingNotANumberNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DiffusionSettings.apply(DEFAULTS, Map.of("diffusion.sigma-data", "half")));
        assertTrue(error.getMessage().contains("diffusion.sigma-data is 'half'"), error.getMessage());
    }

    @Test
    void settingOutOfRangeNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DiffusionSettings.apply(DEFAULTS, Map.of("diffusion.p-std", "-1")));
        assertTrue(error.getMessage().contains("setting diffusion.p-std is -1.0; it must be positive"),
                error.getMessage());
        assertFalse(error.getMessage().contains("p-mean"), "only the invalid key is named: " + error.getMessage());
    }

    @Test
    void settingsCompareByWhatTheyConfigure() {
        DiffusionFamily family = new DiffusionFamily();
        assertTrue(family.sameSettings(Map.of(), Map.of("diffusion.self-condition", "false",
                "diffusion.guide-fraction", "0", "diffusion.guidance", "1.0")));
        assertTrue(family.sameSettings(Map.of("diffusion.guidance", "2", "diffusion.guidance-interval", "0.3,inf"),
                Map.of("diffusion.guidance", "2.0", "diffusion.guidance-interval", "3e-1, inf")));
        assertFalse(family.sameSettings(Map.of(), Map.of("diffusion.self-condition", "true")));
        assertFalse(family.sameSettings(Map.of("diffusion.guide-fraction", "0.25"), Map.of()));
        assertFalse(family.sameSettings(Map.of("diffusion.churn", "10"), Map.of("diffusion.churn", "5")));
        // A key that this version no longer reads matches only the same text.
        assertFalse(family.sameSettings(Map.of("diffusion.retired", "1"), Map.of()));
        assertTrue(family.sameSettings(Map.of("diffusion.retired", "1"), Map.of("diffusion.retired", "1")));
    }

    @Test
    void settingUnknownKeyRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DiffusionSettings.apply(DEFAULTS, Map.of("diffusion.pmean", "0.5")));
        assertTrue(error.getMessage().contains("setting 'diffusion.pmean' not found"), error.getMessage());
        assertTrue(error.getMessage().contains("diffusion.p-mean"), error.getMessage());
    }
}
