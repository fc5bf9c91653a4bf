package org.twinfold.ml.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinfold.ml.LatticeSymmetry;

/** Trains the classifier on two classes of 16 x 16 masks that differ at a glance. */
class MaskClassifierTest {
    private static final int SIDE = 16;

    @Test
    void separatesBlobsFromSaltNoise() {
        LabelledMasks training = masks(40, new SplittableRandom(1));
        LabelledMasks test = masks(20, new SplittableRandom(2));

        int[] predicted;
        try (MaskClassifier classifier = MaskClassifier.train(training,
                new ClassifierOptions(8, 120, 16, 3e-3, 7), report -> { })) {
            predicted = classifier.predict(test.masks());
            assertEquals(2, classifier.classCount());
        }

        int[] correct = new int[2];
        for (int i = 0; i < test.size(); i++) {
            correct[test.labels()[i]] += predicted[i] == test.labels()[i] ? 1 : 0;
        }
        assertTrue(correct[0] >= 19, "blobs classified right: " + correct[0] + " of 20");
        assertTrue(correct[1] >= 19, "salt noise classified right: " + correct[1] + " of 20");
    }

    @Test
    void symmetryMapsCornersOfSquare() {
        // Pixel (0, 1) of a 3 x 3 square: identity, row flip, column flip, transpose.
        assertEquals(1, LatticeSymmetry.source(0, 0, 1, 3, 3));
        assertEquals(7, LatticeSymmetry.source(1, 0, 1, 3, 3));
        assertEquals(1, LatticeSymmetry.source(2, 0, 1, 3, 3));
        assertEquals(3, LatticeSymmetry.source(4, 0, 1, 3, 3));
    }

    @Test
    void rejectsLabelOutsideClasses() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new LabelledMasks(new byte[4], new int[] {2}, 2, 2, 2));
        assertTrue(error.getMessage().contains("label 2 of mask 0"), error.getMessage());
        assertArrayEquals(new int[] {1, 1}, new LabelledMasks(new byte[8], new int[] {0, 1}, 2, 2, 2).classSizes());
    }

    /** Returns {@code perClass} masks of each class: class 0 three 5 x 5 squares, class 1 salt noise at 30 %. */
    private static LabelledMasks masks(int perClass, SplittableRandom random) {
        int sites = SIDE * SIDE;
        byte[] masks = new byte[2 * perClass * sites];
        int[] labels = new int[2 * perClass];
        for (int n = 0; n < 2 * perClass; n++) {
            labels[n] = n % 2;
            if (labels[n] == 0) {
                for (int square = 0; square < 3; square++) {
                    int top = random.nextInt(SIDE);
                    int left = random.nextInt(SIDE);
                    for (int y = 0; y < 5; y++) {
                        for (int x = 0; x < 5; x++) {
                            masks[n * sites + (top + y) % SIDE * SIDE + (left + x) % SIDE] = 1;
                        }
                    }
                }
            } else {
                for (int i = 0; i < sites; i++) {
                    masks[n * sites + i] = (byte) (random.nextDouble() < 0.3 ? 1 : 0);
                }
            }
        }
        return new LabelledMasks(masks, labels, SIDE, SIDE, 2);
    }
}
