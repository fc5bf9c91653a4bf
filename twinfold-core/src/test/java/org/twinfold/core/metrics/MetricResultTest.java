package org.twinfold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MetricResultTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void jsonRoundTrip() throws JsonProcessingException {
        MetricResult result = new MetricResult("wasserstein/energy", 1.25, 0.05, "MeV",
                WassersteinDistance.DEFINITION);

        String json = mapper.writeValueAsString(result);
        JsonNode tree = mapper.readTree(json);

        assertEquals(5, tree.size(), json);
        assertEquals("MeV", tree.get("unit").asText());
        assertEquals(1.25, tree.get("value").asDouble());
        assertEquals(result, mapper.readValue(json, MetricResult.class));
    }

    @Test
    void unknownUncertaintySurvivesJson() throws JsonProcessingException {
        MetricResult result = MetricResult.withoutUncertainty("separation_power/layer_0", 0.01, "1",
                SeparationPower.DEFINITION);

        MetricResult read = mapper.readValue(mapper.writeValueAsString(result), MetricResult.class);

        assertFalse(read.hasUncertainty());
        assertTrue(Double.isNaN(read.uncertainty()));
    }

    @Test
    void rejectsBlankNameAndNegativeUncertainty() {
        assertThrows(IllegalArgumentException.class, () -> new MetricResult(" ", 1, 0, "1", "d"));
        assertThrows(IllegalArgumentException.class, () -> new MetricResult("x", 1, 0, "", "d"));
        assertThrows(IllegalArgumentException.class, () -> new MetricResult("x", 1, -0.1, "1", "d"));
    }
}
