package org.twinfold.ml.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizationTest {
    // Component 0 has mean 2 and population std 1; component 1 is constant.
    private static final List<float[]> ROWS = List.of(new float[] {1f, 7f}, new float[] {3f, 7f});

    @Test
    void fitGivesMeanAndStd() {
        Standardization scaling = Standardization.fit(ROWS, 2);

        assertArrayEquals(new double[] {2, 7}, scaling.mean(), 1e-12);
        assertArrayEquals(new double[] {1, 1}, scaling.std(), 1e-12);
    }

    @Test
    void scaleAndUnscaleInvert() {
        Standardization scaling = Standardization.fit(ROWS, 2);

        assertEquals(-1f, scaling.scale(1f, 0));
        assertEquals(0f, scaling.scale(7f, 1));
        assertEquals(4.5f, scaling.unscale(scaling.scale(4.5f, 0), 0), 1e-6f);
    }

    @Test
    void jsonRoundTripKeepsKind() {
        Standardization scaling = Standardization.fit(ROWS, 2);

        ComponentScaling read = ComponentScaling.fromJson(scaling.toJson());

        Standardization standard = assertInstanceOf(Standardization.class, read);
        assertArrayEquals(scaling.mean(), standard.mean());
        assertArrayEquals(scaling.std(), standard.std());
    }

    @Test
    void minMaxJsonWithoutKindStillReads() {
        var json = MinMaxScaling.fit(new float[][][] {{{0f}, {2f}}}, new int[] {0}).toJson();
        json.remove("kind");

        assertInstanceOf(MinMaxScaling.class, ComponentScaling.fromJson(json));
    }

    @Test
    void newerFormatRejected() {
        var json = Standardization.fit(ROWS, 2).toJson();
        json.put("formatVersion", Standardization.FORMAT_VERSION + 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComponentScaling.fromJson(json));
        assertTrue(e.getMessage().contains("update twinfold"), e.getMessage());
    }

    @Test
    void zeroStdRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Standardization(new double[] {0}, new double[] {0}));
        assertTrue(e.getMessage().contains("component 0"), e.getMessage());
    }
}
