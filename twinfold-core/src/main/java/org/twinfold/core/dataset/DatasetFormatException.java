package org.twinfold.core.dataset;

/**
 * A dataset file or manifest that cannot be read as twinfold data: missing, truncated, not HDF5,
 * with a wrong shape or element type, or written by a newer format version. The message names the
 * file, the value found, the value expected and what to do.
 */
public class DatasetFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatasetFormatException(String message) {
        super(message);
    }

    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
