package org.twinfold.sim.cpm;

import java.util.Arrays;

/** Area of the convex hull of a set of unit pixel squares, by Andrew's monotone chain. */
final class ConvexHull {

    private ConvexHull() {
    }

    /**
     * Returns the area of the convex hull of the squares [x, x+1] x [y, y+1] of the given pixels, in
     * pixel units. A single pixel gives 1.
     */
    static double pixelHullArea(int[] xs, int[] ys, int count) {
        long[] corners = new long[4 * count];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < 4; c++) {
                corners[4 * i + c] = pack(xs[i] + (c & 1), ys[i] + (c >> 1));
            }
        }
        Arrays.sort(corners);

        long[] hull = new long[2 * corners.length + 1];
        int size = 0;
        for (long point : corners) {
            while (size >= 2 && cross(hull[size - 2], hull[size - 1], point) <= 0) {
                size--;
            }
            hull[size++] = point;
        }
        int lower = size + 1;
        for (int i = corners.length - 2; i >= 0; i--) {
            while (size >= lower && cross(hull[size - 2], hull[size - 1], corners[i]) <= 0) {
                size--;
            }
            hull[size++] = corners[i];
        }

        long twiceArea = 0;
        for (int i = 0; i < size - 1; i++) {
            twiceArea += x(hull[i]) * y(hull[i + 1]) - x(hull[i + 1]) * y(hull[i]);
        }
        return Math.abs(twiceArea) / 2.0;
    }

    // Sorting packed points orders them by x, then y; coordinates are offset to stay positive.
    private static final long OFFSET = 1L << 30;

    private static long pack(long x, long y) {
        return ((x + OFFSET) << 32) | (y + OFFSET);
    }

    private static long x(long point) {
        return (point >>> 32) - OFFSET;
    }

    private static long y(long point) {
        return (point & 0xFFFF_FFFFL) - OFFSET;
    }

    private static long cross(long o, long a, long b) {
        return (x(a) - x(o)) * (y(b) - y(o)) - (y(a) - y(o)) * (x(b) - x(o));
    }
}
