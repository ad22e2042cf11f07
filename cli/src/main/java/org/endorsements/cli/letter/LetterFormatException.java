package org.endorsements.cli.letter;

/** A letter that cannot be read; the message names the line. */
public class LetterFormatException extends Exception {

    private final int line;

    public LetterFormatException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
