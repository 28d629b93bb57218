package org.slatecheck.rules.params;

/** A rule-set parameter file that cannot be used: missing, malformed or with an invalid value. */
public class ParameterException extends RuntimeException {
    public ParameterException(String message) {
        super(message);
    }
}
