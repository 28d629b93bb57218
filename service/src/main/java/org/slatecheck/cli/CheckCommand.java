package org.slatecheck.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slatecheck.explanation.ResultCsv;
import org.slatecheck.explanation.ResultJson;
import org.slatecheck.explanation.ResultText;
import org.slatecheck.rules.engine.EvaluationLimitException;
import org.slatecheck.governance.StoredVersions;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.InputError;
import org.slatecheck.rules.intake.InputException;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.screening.Checker;

/**
 * {@code check --congresses FILE --nominees FILE [--format json|csv|text] [--lang vi|en] [--out FILE]}. Exit code 0
 * when the lists were evaluated (whatever the outcomes), 2 on input errors (each printed to stderr as
 * {@code FILE:LINE:COLUMN: reason}, nothing evaluated), 1 on an internal failure (also: a configured database that
 * cannot be read). The rule sets are the database's active versions when a database is configured
 * ({@code slatecheck.db-url} / {@code SLATECHECK_DB_URL}, read with plain JDBC, no Spring), else the shipped ones;
 * either way the version and checksum of every rule set used is printed to stderr (stdout keeps the clean format).
 * Prints no personal data anywhere but the result itself.
 */
public final class CheckCommand {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int INPUT = 2;

    private static final Set<String> OPTIONS = Set.of("--congresses", "--nominees", "--format", "--lang", "--out");
    private static final Set<String> FORMATS = Set.of("json", "csv", "text");

    private final PrintStream out;
    private final PrintStream err;
    private final Database database;

    /** Where the rule set versions come from: a database when {@code url} is set, else the shipped sets. */
    public record Database(String url, String user, String password) {
        /** {@code slatecheck.db-url} (system property) or {@code SLATECHECK_DB_URL}, and the user and password alike. */
        public static Database fromEnvironment() {
            return new Database(setting("slatecheck.db-url", "SLATECHECK_DB_URL"),
                    setting("slatecheck.db-user", "SLATECHECK_DB_USER"),
                    setting("slatecheck.db-password", "SLATECHECK_DB_PASSWORD"));
        }

        /** No database: the shipped rule sets. */
        public static final Database NONE = new Database(null, null, null);

        private static String setting(String property, String variable) {
            String v = System.getProperty(property);
            return v != null && !v.isBlank() ? v : System.getenv(variable);
        }

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    public CheckCommand(PrintStream out, PrintStream err) {
        this(out, err, Database.fromEnvironment());
    }

    public CheckCommand(PrintStream out, PrintStream err, Database database) {
        this.out = out;
        this.err = err;
        this.database = database;
    }

    /** Prints the usage for a bad invocation and returns {@link #INPUT}. */
    public static int usage(PrintStream err, String bad) {
        Messages m = Messages.of(Messages.VI);
        if (!bad.isEmpty()) {
            err.println(m.text("cli.bad_option", bad));
        }
        err.println(m.raw("cli.usage"));
        err.println(Messages.of(Messages.EN).raw("cli.usage"));
        return INPUT;
    }

    public int run(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> boardValues = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--parameter") && i + 1 < args.length) {
                // A board parameter set for this run only (NAME=VALUE, repeatable), as a board would set it.
                String[] pair = args[++i].split("=", 2);
                if (pair.length != 2 || pair[0].isBlank() || boardValues.put(pair[0].strip(), pair[1].strip()) != null) {
                    return usage(err, "--parameter " + args[i]);
                }
                continue;
            }
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length || options.containsKey(args[i])) {
                return usage(err, args[i]);
            }
            options.put(args[i], args[++i]);
        }
        Locale lang = Messages.language(options.get("--lang"));
        String format = options.getOrDefault("--format", "text");
        if (lang == null) {
            return usage(err, "--lang " + options.get("--lang"));
        }
        if (!FORMATS.contains(format)) {
            return usage(err, "--format " + format);
        }
        if (!options.containsKey("--congresses") || !options.containsKey("--nominees")) {
            return usage(err, options.containsKey("--congresses") ? "--nominees" : "--congresses");
        }
        Messages messages = Messages.of(lang);
        try {
            Intake.Input congresses = read(options.get("--congresses"), messages);
            Intake.Input nominees = read(options.get("--nominees"), messages);
            if (congresses == null || nominees == null) {
                return INPUT;
            }
            RuleSetSnapshot ruleSets;
            try {
                ruleSets = database.configured()
                        ? StoredVersions.active(database.url(), database.user(), database.password())
                        : RuleSetSnapshot.shipped();
            } catch (SQLException e) {
                // The exception's message may name the server or user: only its type is printed.
                err.println(messages.text("cli.database", e.getClass().getSimpleName()));
                return INTERNAL;
            }
            if (!boardValues.isEmpty()) {
                ruleSets = withBoardValues(ruleSets, boardValues, messages);
                if (ruleSets == null) {
                    return INPUT;
                }
            }
            Checker.Checked checked = Checker.run(congresses, nominees, ruleSets);
            List<ScreeningResult> results = checked.results();
            printVersions(results, messages);
            // Warnings go to the error stream in every format (a JSON or CSV output stays machine-readable).
            checked.warnings().forEach(w -> err.println(messages.raw("report.warnings") + " " + w.format(messages)));
            Explainer explainer = new Explainer(messages);
            String target = options.get("--out");
            // JSON and CSV are written one list at a time: 10,000 lists as one tree and one string did not fit a
            // 512 MB heap (docs/specification.md section 2).
            try (java.io.Writer w = target == null
                    ? new java.io.BufferedWriter(new java.io.Writer() {
                        @Override
                        public void write(char[] chars, int off, int len) {
                            out.print(new String(chars, off, len)); // in the output stream's own encoding
                        }

                        @Override
                        public void flush() {
                            out.flush();
                        }

                        @Override
                        public void close() {
                            out.flush(); // standard output stays open
                        }
                    }, 1 << 16)
                    : Files.newBufferedWriter(Path.of(target), StandardCharsets.UTF_8)) {
                switch (format) {
                    case "json" -> ResultJson.write(results, explainer, w);
                    case "csv" -> {
                        if (target != null) {
                            w.write('\uFEFF'); // a CSV for Excel: the byte-order mark opens Vietnamese letters
                        }
                        ResultCsv.write(() -> results.stream().map(r -> (com.fasterxml.jackson.databind.JsonNode)
                                ResultJson.of(r, explainer)).iterator(), explainer.messages(), w);
                    }
                    default -> w.write(ResultText.write(results, explainer, checked.warnings()));
                }
            }
            return OK;
        } catch (InputException e) {
            for (InputError error : e.getErrors()) {
                err.println(error.format(messages));
            }
            return INPUT;
        } catch (EvaluationLimitException e) {
            // The message names the list by its congress id only.
            err.println(messages.text(e.messageKey(), e.messageArgs()));
            return INTERNAL;
        } catch (IOException | RuntimeException | Error e) {
            // One line, no stack trace and no message text: either could carry personal data from the input.
            err.println(messages.text("cli.internal", e.getClass().getSimpleName()));
            if (System.getenv("SLATECHECK_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return INTERNAL;
        }
    }

    /**
     * {@code ruleSets} with the board parameters {@code values} set in every term that declares them (a rule set
     * of its own, with its own checksum); null after printing the reason when a name is unknown, not a board
     * parameter, or its value does not fit.
     */
    private RuleSetSnapshot withBoardValues(RuleSetSnapshot ruleSets, Map<String, String> values, Messages messages) {
        List<org.slatecheck.rules.engine.RuleSetSource> sources = new java.util.ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (String term : ruleSets.terms()) {
            org.slatecheck.rules.engine.RuleSetSource source = ruleSets.source(term);
            org.slatecheck.rules.params.RuleSetParameters parameters = source.parameterSet();
            Map<String, String> here = new LinkedHashMap<>();
            for (Map.Entry<String, String> v : values.entrySet()) {
                var declaration = parameters.declarations().get(v.getKey());
                if (declaration == null) {
                    continue;
                }
                if (!declaration.boardParameter()) {
                    err.println(messages.text("cli.parameter_not_board", v.getKey()));
                    return null;
                }
                here.put(v.getKey(), v.getValue());
                used.add(v.getKey());
            }
            try {
                sources.add(here.isEmpty() ? source : source.withValues(parameters.withOverrides(here).text()));
            } catch (org.slatecheck.rules.params.ParameterException e) {
                err.println(messages.text("cli.parameter_invalid", String.join(", ", here.keySet())));
                return null;
            }
        }
        for (String name : values.keySet()) {
            if (!used.contains(name)) {
                err.println(messages.text("cli.parameter_unknown", name));
                return null;
            }
        }
        values.forEach((name, value) -> err.println(messages.text("cli.parameter_set", name, value)));
        return RuleSetSnapshot.of(sources);
    }

    /** One line per rule set the lists used, in order of first use: version, checksum and where it came from. */
    private void printVersions(List<ScreeningResult> results, Messages messages) {
        String origin = messages.raw(database.configured() ? "cli.ruleset_database" : "cli.ruleset_shipped");
        Set<String> printed = new LinkedHashSet<>();
        for (ScreeningResult r : results) {
            if (printed.add(r.ruleSetVersion() + " " + r.ruleSetChecksum())) {
                err.println(messages.text("cli.ruleset", r.ruleSetVersion(), r.ruleSetChecksum(), origin));
            }
        }
    }

    private Intake.Input read(String file, Messages messages) {
        try {
            return new Intake.Input(file, Files.readAllBytes(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            err.println(file + ":1:-: " + messages.raw(unreadable(file)));
            return null;
        }
    }

    /**
     * The message key that says why {@code file} cannot be read (issue 17 item 14): it does not exist, it is a
     * folder, or it exists and still cannot be read (permissions, a bad path).
     */
    static String unreadable(String file) {
        try {
            Path p = Path.of(file);
            if (Files.isDirectory(p)) {
                return "cli.file_folder";
            }
            if (!Files.exists(p)) {
                return "cli.file_missing";
            }
        } catch (RuntimeException e) {
            // an invalid path: said as "cannot read"
        }
        return "cli.unreadable";
    }
}
