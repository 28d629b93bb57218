package org.slatecheck.rules.intake;

import java.util.List;

import org.slatecheck.rules.explain.Messages;

/**
 * One problem in an input file: the file name, the physical line (1-based), the column as the file names it, and
 * the reason as a message key with its arguments, so it can be told in either language.
 */
public record InputError(String file, long line, String column, String key, List<String> args) {
    public InputError {
        args = List.copyOf(args);
    }

    public static InputError of(String file, long line, String column, String key, Object... args) {
        return new InputError(file, line, column, key,
                java.util.Arrays.stream(args).map(String::valueOf).map(InputError::shortened).toList());
    }

    /** Cell text quoted in a message is cut at 300 characters (a message never carries a whole oversized cell). */
    static String shortened(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** The reason in the language of {@code messages}. */
    public String reason(Messages messages) {
        return messages.text("error." + key, args.toArray());
    }

    /** {@code FILE:LINE:COLUMN: reason}, as the command line prints it. */
    public String format(Messages messages) {
        return file + ":" + line + ":" + column + ": " + reason(messages);
    }
}
