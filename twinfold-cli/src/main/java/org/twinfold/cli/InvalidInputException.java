package org.twinfold.cli;

/** Invalid input found by a command: a missing file, a wrong option combination. Exits with code 2. */
final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidInputException(String message) {
        super(message);
    }
}
