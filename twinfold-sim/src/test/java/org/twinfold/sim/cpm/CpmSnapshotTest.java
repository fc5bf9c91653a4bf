package org.twinfold.sim.cpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;

class CpmSnapshotTest {
    private static final int SITES = 24 * 20;

    @Test
    void snapshotsEndWithFinalMask() {
        CpmGenerator generator = new CpmGenerator(new CpmGenerator.Settings(24, 20, 30, OptionalInt.of(10)));
        SampleBatch batch = generator.generate(List.of(ParameterPoint.of(5, 0.1)), new long[] {3});

        assertEquals(List.of(3, 20, 24), generator.schema().field(CpmGenerator.SNAPSHOTS).shape());
        byte[] snapshots = batch.bytes(CpmGenerator.SNAPSHOTS);
        byte[] last = Arrays.copyOfRange(snapshots, 2 * SITES, 3 * SITES);
        assertArrayEquals(batch.bytes("cell_type"), last, "the snapshot at MCS 30 is the final mask");
        assertFalse(Arrays.equals(Arrays.copyOfRange(snapshots, 0, SITES), last), "cells move between MCS 10 and 30");
        assertEquals("10", generator.info().settings().get("snapshot_every_mcs"));
    }

    @Test
    void snapshotsDoNotChangeTheRun() {
        CpmGenerator plain = new CpmGenerator(new CpmGenerator.Settings(24, 20, 30));
        CpmGenerator withSnapshots = new CpmGenerator(new CpmGenerator.Settings(24, 20, 30, OptionalInt.of(7)));
        List<ParameterPoint> points = List.of(ParameterPoint.of(15, 0.4));

        assertArrayEquals(plain.generate(points, new long[] {9}).ints("cell_id"),
                withSnapshots.generate(points, new long[] {9}).ints("cell_id"));
    }

    @Test
    void intervalOutsideRunIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CpmGenerator.Settings(24, 20, 30, OptionalInt.of(0)));
        assertThrows(IllegalArgumentException.class, () -> new CpmGenerator.Settings(24, 20, 30, OptionalInt.of(31)));
    }
}
