package org.slatecheck.rules.params;

import java.util.List;

/**
 * A rule-set data file (parameters, citations, switches, guided rules) that cannot be used: missing, malformed or
 * with an invalid value. {@link #key()} and {@link #args()} name the problem for the message bundles (key
 * {@code data.error.KEY}), so a board member reads it in Vietnamese or English; {@link #field()} names the parameter
 * or field it is about.
 */
public class ParameterException extends RuntimeException {
    private final String key;
    private final String field;
    private final List<Object> args;

    /** A problem without a bundle key (the English message is all there is). */
    public ParameterException(String message) {
        this("invalid", null, message, List.of(message));
    }

    public ParameterException(String key, String field, String message, List<Object> args) {
        super(message);
        this.key = key;
        this.field = field;
        this.args = List.copyOf(args);
    }

    /** A problem named by bundle key {@code data.error.KEY}, about {@code field}, with message arguments. */
    public static ParameterException of(String key, String field, Object... args) {
        StringBuilder m = new StringBuilder(field == null ? "" : field + ": ").append(key);
        for (Object a : args) {
            m.append(" ").append(a);
        }
        return new ParameterException(key, field, m.toString(), List.of(args));
    }

    /** The same problem, its message prefixed by where it was found. */
    public ParameterException at(String origin) {
        return new ParameterException(key, field, origin + ": " + getMessage(), args);
    }

    public String key() {
        return key;
    }

    /** The parameter or field the problem is about; null when it concerns the whole file. */
    public String field() {
        return field;
    }

    public List<Object> args() {
        return args;
    }
}
