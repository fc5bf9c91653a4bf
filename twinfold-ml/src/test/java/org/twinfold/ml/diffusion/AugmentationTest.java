package org.twinfold.ml.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    /** Returns a 3 x 3 image with distinct values, row-major: value = 10 row + column. */
    private static float[] square() {
        float[] image = new float[9];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                image[y * 3 + x] = 10 * y + x;
            }
        }
        return image;
    }

    @Test
    void shiftMovesPixelsPeriodically() {
        float[] image = square();
        Augmentation.transform(image, 0, 1, 3, 3, 1, 2, 0, new float[9]);
        // out(y, x) = in((y + 1) mod 3, (x + 2) mod 3)
        assertArrayEquals(new float[] {12, 10, 11, 22, 20, 21, 2, 0, 1}, image);
    }

    @Test
    void symmetriesAreTheEightOfTheSquare() {
        float[] transpose = square();
        Augmentation.transform(transpose, 0, 1, 3, 3, 0, 0, 4, new float[9]);
        assertArrayEquals(new float[] {0, 10, 20, 1, 11, 21, 2, 12, 22}, transpose);

        float[] flipRows = square();
        Augmentation.transform(flipRows, 0, 1, 3, 3, 0, 0, 1, new float[9]);
        assertArrayEquals(new float[] {20, 21, 22, 10, 11, 12, 0, 1, 2}, flipRows);

        Set<String> distinct = new HashSet<>();
        for (int symmetry = 0; symmetry < 8; symmetry++) {
            float[] image = square();
            Augmentation.transform(image, 0, 1, 3, 3, 0, 0, symmetry, new float[9]);
            distinct.add(Arrays.toString(image));
        }
        assertEquals(8, distinct.size());
    }

    @Test
    void onlyTheChosenImageOfABatchChanges() {
        float[] batch = new float[18];
        System.arraycopy(square(), 0, batch, 0, 9);
        System.arraycopy(square(), 0, batch, 9, 9);
        Augmentation.LATTICE.apply(batch, 1, 1, 3, 3, new SplittableRandom(7), new float[9]);
        assertArrayEquals(square(), Arrays.copyOfRange(batch, 0, 9));
        float[] second = Arrays.copyOfRange(batch, 9, 18);
        float[] sortedSecond = second.clone();
        Arrays.sort(sortedSecond);
        assertArrayEquals(square(), sortedSecond, "a transformed image contains the same pixel values");
    }

    @Test
    void rectangularImagesKeepShape() {
        float[] image = {0, 1, 2, 3, 4, 5, 6, 7};
        for (long seed = 0; seed < 50; seed++) {
            float[] copy = image.clone();
            Augmentation.LATTICE.apply(copy, 0, 1, 2, 4, new SplittableRandom(seed), new float[8]);
            float[] sorted = copy.clone();
            Arrays.sort(sorted);
            assertArrayEquals(image, sorted);
        }
    }

    @Test
    void noneDrawsNothing() {
        float[] image = {0, 1, 2, 3, 4, 5, 6, 7};
        SplittableRandom random = new SplittableRandom(3);
        float[] untouched = image.clone();
        Augmentation.NONE.apply(untouched, 0, 1, 2, 4, random, new float[8]);
        assertArrayEquals(image, untouched);
        assertEquals(new SplittableRandom(3).nextLong(), random.nextLong());
    }

    @Test
    void parseNamesTheChoices() {
        assertEquals(Augmentation.LATTICE, Augmentation.parse(" Lattice "));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Augmentation.parse("rotate"));
        assertEquals("augmentation 'rotate' not found; use none or lattice", error.getMessage());
    }
}
