package org.twinfold.cli;

/** Exit codes of every twinfold command. */
final class ExitCode {
    static final int SUCCESS = 0;
    static final int FAILURE = 1;
    static final int INVALID_INPUT = 2;

    private ExitCode() {
    }
}
