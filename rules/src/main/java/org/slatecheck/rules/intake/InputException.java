package org.slatecheck.rules.intake;

import java.util.List;

/** Thrown when input files have errors: all of them, in file and line order. Nothing was evaluated. */
public final class InputException extends RuntimeException {
    private final transient List<InputError> errors;

    public InputException(List<InputError> errors) {
        super(errors.size() + " input error(s)");
        this.errors = List.copyOf(errors);
    }

    public List<InputError> getErrors() {
        return errors;
    }
}
