package org.slatecheck.rules.engine;

import java.util.List;

/** A rule set that cannot be compiled or used; {@link #details()} lists the problems, one per line. */
public class RuleSetException extends RuntimeException {
    private final List<String> details;

    public RuleSetException(String message, List<String> details) {
        super(message + (details.isEmpty() ? "" : ": " + String.join("; ", details)));
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
