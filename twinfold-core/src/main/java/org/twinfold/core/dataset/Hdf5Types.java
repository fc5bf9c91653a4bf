package org.twinfold.core.dataset;

import io.jhdf.api.Dataset;
import io.jhdf.object.datatype.FixedPoint;

/** Element types of HDF5 datasets that jhdf maps to Java types other than their own. */
public final class Hdf5Types {

    private Hdf5Types() {
    }

    /**
     * Returns true for unsigned 8-bit integers, as h5py and numpy write uint8. jhdf widens them to int,
     * while twinfold itself writes uint8 fields as signed bytes with a dtype attribute.
     */
    public static boolean isUnsignedByte(Dataset dataset) {
        return dataset.getDataType() instanceof FixedPoint fixed && fixed.getSize() == 1 && !fixed.isSigned();
    }
}
