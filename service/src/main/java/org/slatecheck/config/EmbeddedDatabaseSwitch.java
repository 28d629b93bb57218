package org.slatecheck.config;

import java.util.function.Function;

import org.slatecheck.rules.text.Messages;

/**
 * Whether the application may start its own embedded PostgreSQL when no {@code SLATECHECK_DB_URL} is given
 * (issue 17 item 16): {@code slatecheck.embedded-db} / {@code SLATECHECK_EMBEDDED_DB}, true by default (a local run
 * keeps its records in the data folder), false in the container image, where an empty database URL is a mistake to be
 * said, not a database to be made inside the container. With it false and no URL the application refuses to start
 * with one line ({@link #line()}): {@code SlateCheck.main} says it before Spring starts, and
 * {@link DatabaseConfig} refuses too (a URL left empty by other configuration), which the commands report in one
 * line.
 */
public final class EmbeddedDatabaseSwitch {
    public static final String PROPERTY = "slatecheck.embedded-db";
    public static final String VARIABLE = "SLATECHECK_EMBEDDED_DB";

    private EmbeddedDatabaseSwitch() {
    }

    /** The refusal: no database URL and the embedded database off. */
    public static final class EmbeddedDatabaseOffException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public EmbeddedDatabaseOffException() {
            super(line());
        }
    }

    /** The one line of the refusal, in Vietnamese and English. */
    public static String line() {
        return Messages.of(Messages.VI).raw("cli.embedded_db_off") + " / "
                + Messages.of(Messages.EN).raw("cli.embedded_db_off");
    }

    /**
     * The refusal line when the web application's settings ({@code --name=value} arguments, system properties, then
     * the environment through {@code env}) give no database URL and switch the embedded database off; else null.
     */
    public static String refusal(String[] args, Function<String, String> env) {
        String url = setting(args, "slatecheck.db-url", "SLATECHECK_DB_URL", env);
        String embedded = setting(args, PROPERTY, VARIABLE, env);
        boolean off = embedded != null && embedded.strip().equalsIgnoreCase("false");
        return off && (url == null || url.isBlank()) ? line() : null;
    }

    private static String setting(String[] args, String property, String variable, Function<String, String> env) {
        for (String a : args) {
            if (a.startsWith("--" + property + "=")) {
                return a.substring(property.length() + 3);
            }
        }
        String v = System.getProperty(property);
        return v != null ? v : env.apply(variable);
    }
}
