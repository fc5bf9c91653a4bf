package org.twinfold.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Key order and null handling of the settings that manifests record. */
class GeneratorInfoTest {

    @Test
    void settingsAreSortedByKey() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("width", "64");
        settings.put("classes", "[(0.0, 0.6)]");
        settings.put("mcs", "1000");

        GeneratorInfo info = new GeneratorInfo("cpm", "1", settings);

        assertEquals(List.of("classes", "mcs", "width"), List.copyOf(info.settings().keySet()));
    }

    @Test
    void nullSettingIsRejected() {
        Map<String, String> settings = new HashMap<>();
        settings.put("mcs", null);

        assertThrows(NullPointerException.class, () -> new GeneratorInfo("cpm", "1", settings));
    }
}
