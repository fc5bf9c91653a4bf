package org.twinfold.ml.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.dataset.Dataset;

class VaeDataSettingsTest {
    @TempDir
    Path temp;

    @Test
    void readsTaskSettings() throws Exception {
        Dataset data = ConditionalGaussian.dataset(temp.resolve("data"), 10);
        VaeDataSettings settings = VaeDataSettings.of(Map.of("vae.normalize-by", "scale", "vae.transform", "logit",
                "vae.threshold-mev", "0.01515", "mlp.other", "ignored"), data.manifest());

        assertEquals(Optional.of("scale"), settings.normalizeBy());
        assertEquals(VoxelTransform.LOGIT, settings.transform());
        assertEquals(Standardization.GLOBAL, settings.standardization());
        assertEquals(0.01515, settings.thresholdMeV(), 0);
        assertEquals(Set.of("scale"), settings.logParameters());
    }

    @Test
    void readsPerElementStandardization() throws Exception {
        Dataset data = ConditionalGaussian.dataset(temp.resolve("data"), 10);
        VaeDataSettings settings = VaeDataSettings.of(Map.of("vae.standardize", "per-element"), data.manifest());

        assertEquals(Standardization.PER_ELEMENT, settings.standardization());
    }

    @Test
    void logParametersFollowSettingBeforeSampling() throws Exception {
        Dataset data = ConditionalGaussian.dataset(temp.resolve("data"), 10);

        assertEquals(Set.of(), VaeDataSettings.of(Map.of("vae.log-parameters", "none"), data.manifest())
                .logParameters());
        assertEquals(Set.of("scale"), VaeDataSettings.of(Map.of(), data.manifest()).logParameters());
    }

    @Test
    void rejectsUnknownKeyAndParameter() throws Exception {
        Dataset data = ConditionalGaussian.dataset(temp.resolve("data"), 10);

        assertThrows(IllegalArgumentException.class,
                () -> VaeDataSettings.of(Map.of("vae.normalise-by", "scale"), data.manifest()));
        assertThrows(IllegalArgumentException.class,
                () -> VaeDataSettings.of(Map.of("vae.normalize-by", "energy"), data.manifest()));
        assertThrows(IllegalArgumentException.class,
                () -> VaeDataSettings.of(Map.of("vae.transform", "sqrt"), data.manifest()));
        assertThrows(IllegalArgumentException.class,
                () -> VaeDataSettings.of(Map.of("vae.standardize", "per-voxel"), data.manifest()));
    }
}
