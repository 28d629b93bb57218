package org.slatecheck.rules.intake;

import java.util.List;

import org.slatecheck.rules.text.Messages;

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
        Object[] filled = shownArgs(messages).stream().map(a -> a.startsWith(KEY_MARK)
                && messages.has(a.substring(KEY_MARK.length()))
                ? (Object) new Messages.Key(a.substring(KEY_MARK.length())) : a).toArray();
        return messages.text("error." + key, filled);
    }

    /**
     * The arguments as the reader is told them: a list of allowed values given as a code set ({@link Row#CODE_SET})
     * by the Vietnamese names the template's drop-down offers (in English by the codes, which the files accept as
     * well); a missing column with its Vietnamese header as a third argument ("Ngày sinh" for {@code birth_date}).
     */
    List<String> shownArgs(Messages messages) {
        boolean vi = !messages.locale().getLanguage().equals("en");
        List<String> shown = new java.util.ArrayList<>(args);
        if ((key.equals("code") || key.equals("post")) && shown.size() > 1
                && shown.get(1).startsWith(Row.CODE_SET)) {
            String marked = shown.get(1).substring(Row.CODE_SET.length());
            int bar = marked.indexOf('|');
            String set = bar < 0 ? marked : marked.substring(0, bar);
            String english = bar < 0 ? set : marked.substring(bar + 1);
            shown.set(1, english);
            if (vi) {
                ColumnGuide.CODE_SETS.stream().filter(c -> c.key().equals(set)).findFirst().ifPresent(c ->
                        shown.set(1, String.join(", ", c.names(messages))));
            }
        }
        // A code the application put in the message (a discipline form, a level) reads as its name in Vietnamese.
        if (vi && key.equals("discipline_date_required") && !shown.isEmpty() && messages.has("code." + shown.get(0))) {
            shown.set(0, messages.raw("code." + shown.get(0)));
        }
        if (vi && key.equals("reference_month_missing") && shown.size() > 1 && messages.has("level." + shown.get(1))) {
            shown.set(1, messages.raw("level." + shown.get(1)));
        }
        if (key.equals("header_missing") && !shown.isEmpty()) {
            shown.add(header(shown.get(0)));
        }
        return shown;
    }

    /** The Vietnamese header the templates give {@code column} (a canonical name), or the name itself. */
    static String header(String column) {
        for (List<ColumnGuide.Column> columns : List.of(ColumnGuide.NOMINEE_COLUMNS, ColumnGuide.CONGRESS_COLUMNS)) {
            for (ColumnGuide.Column c : columns) {
                if (c.name().equals(column)) {
                    return c.header();
                }
            }
        }
        return column;
    }

    /**
     * {@code FILE:LINE:COLUMN: reason} for a CSV file, {@code FILE:SHEET!B7: reason} for a spreadsheet cell, as the
     * command line prints it.
     */
    public String format(Messages messages) {
        // A missing column is named in the reason, by its Vietnamese header in Vietnamese: not again by its code.
        String where = key.equals("header_missing") && !messages.locale().getLanguage().equals("en")
                ? file + ":" + line : file + ":" + line + ":" + column;
        return cell != null ? file + ":" + cell + ": " + reason(messages) : where + ": " + reason(messages);
    }
}
