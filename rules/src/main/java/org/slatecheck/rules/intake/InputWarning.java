package org.slatecheck.rules.intake;

import java.util.List;

import org.slatecheck.rules.text.Messages;

/**
 * Something the intake read but the user should know, because it may change what the result means (docs/specification.md
 * section 2): an ignored unknown column, an optional column absent from the file (its rules are not checked), a
 * congress without nominee rows (not evaluated). Told in either language from its message key {@code warning.KEY}.
 *
 * @param file   the file it is about
 * @param line   the physical line (1 for the header), 0 when it is about no line
 * @param column the column as the file names it, or {@code -}
 */
public record InputWarning(String file, long line, String column, String key, List<String> args) {
    public InputWarning {
        args = List.copyOf(args);
    }

    public static InputWarning of(String file, long line, String column, String key, Object... args) {
        return new InputWarning(file, line, column, key, InputError.texts(args));
    }

    /** The warning's text in the language of {@code messages}. */
    public String text(Messages messages) {
        if (key.equals("column_absent") && args.size() > 2) {
            // The rules the absent column leaves unchecked, by their titles (not only "AGE-003, PLN-001").
            List<String> shown = new java.util.ArrayList<>(args);
            shown.set(2, messages.ruleNames(List.of(args.get(2).split(","))));
            return messages.text("warning." + key, shown.toArray());
        }
        return messages.text("warning." + key, args.toArray());
    }

    /** {@code FILE:LINE: text}, as the command line prints it. */
    public String format(Messages messages) {
        return file + (line > 0 ? ":" + line : "") + ": " + text(messages);
    }
}
