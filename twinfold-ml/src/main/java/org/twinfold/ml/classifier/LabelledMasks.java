package org.twinfold.ml.classifier;

import java.util.Arrays;

/**
 * Binary masks with class labels, the data of a {@link MaskClassifier}.
 *
 * @param masks (count, height, width) flat, 0 for background and any nonzero value for foreground
 * @param labels class of each mask, in [0, classCount)
 * @param height mask height in pixels
 * @param width mask width in pixels
 * @param classCount number of classes
 */
public record LabelledMasks(byte[] masks, int[] labels, int height, int width, int classCount) {

    public LabelledMasks {
        if (height < 1 || width < 1 || masks.length != labels.length * height * width) {
            throw new IllegalArgumentException(labels.length + " labels of " + height + " x " + width + " masks need "
                    + (long) labels.length * height * width + " mask values but got " + masks.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("label " + labels[i] + " of mask " + i + " is outside [0, "
                        + classCount + "); give labels from 0 to the class count minus 1");
            }
        }
    }

    public int size() {
        return labels.length;
    }

    /** Returns the number of masks of each class. */
    public int[] classSizes() {
        int[] sizes = new int[classCount];
        Arrays.stream(labels).forEach(label -> sizes[label]++);
        return sizes;
    }
}
