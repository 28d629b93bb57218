package org.slatecheck.rules.intake;

import java.util.List;

import org.slatecheck.rules.explain.Messages;

/**
 * One problem in an input file: the file name, the physical line (1-based; the row number in a spreadsheet), the
 * column as the file names it, the reason as a message key with its arguments (so it can be told in either
 * language), and for a spreadsheet the cell ({@code Sheet1!B7}, null in a CSV file).
 */
public record InputError(String file, long line, String column, String key, List<String> args, String cell) {
    public InputError {
        args = List.copyOf(args);
    }

    public InputError(String file, long line, String column, String key, List<String> args) {
        this(file, line, column, key, args, null);
    }

    public static InputError of(String file, long line, String column, String key, Object... args) {
        return new InputError(file, line, column, key, texts(args), null);
    }

    /** An error on a spreadsheet cell: {@code cell} is {@code Sheet!B7}. */
    public static InputError at(String file, String cell, long line, String column, String key, Object... args) {
        return new InputError(file, line, column, key, texts(args), cell);
    }

    /**
     * Marks an argument that is a bundle key ({@link Messages.Key}: a level's name in words, say), so the reason
     * reads it in the reader's language; a control character no cell text can hold (the intake refuses them).
     */
    static final String KEY_MARK = "\u001Ekey:";

    static List<String> texts(Object... args) {
        return java.util.Arrays.stream(args).map(a -> a instanceof Messages.Key k ? KEY_MARK + k.key()
                : shortened(String.valueOf(a))).toList();
    }

    /** Cell text quoted in a message is cut at 300 characters (a message never carries a whole oversized cell). */
    static String shortened(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** The reason in the language of {@code messages}. */
    public String reason(Messages messages) {
        Object[] filled = args.stream().map(a -> a.startsWith(KEY_MARK) && messages.has(a.substring(KEY_MARK.length()))
                ? (Object) new Messages.Key(a.substring(KEY_MARK.length())) : a).toArray();
        return messages.text("error." + key, filled);
    }

    /**
     * {@code FILE:LINE:COLUMN: reason} for a CSV file, {@code FILE:SHEET!B7: reason} for a spreadsheet cell, as the
     * command line prints it.
     */
    public String format(Messages messages) {
        return cell != null ? file + ":" + cell + ": " + reason(messages)
                : file + ":" + line + ":" + column + ": " + reason(messages);
    }
}
