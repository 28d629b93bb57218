package org.slatecheck;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slatecheck.cli.CheckCommand;
import org.slatecheck.config.EmbeddedDatabaseSwitch;
import org.slatecheck.config.SlateCheckProperties;
import org.slatecheck.rules.text.Messages;
import org.springframework.boot.SpringApplication;

/**
 * Entry point of {@code slatecheck.jar}. Commands: {@code serve} (the web application), {@code check},
 * {@code batch}, {@code generate}, {@code users add}; {@code help} / {@code --help} / {@code -h} prints the usage.
 * With no argument the web application starts too, and the first line printed says so. {@code --data-dir DIR}
 * (anywhere) names the data folder for every command ({@link SlateCheckProperties#dataDir()}). The usage and any
 * unknown command exit 2; the other exit codes are the commands' own (0 done, 2 input error, 1 internal failure).
 */
public final class SlateCheck {
    /** The words that start a command; anything else that is not a server setting is an unknown command. */
    static final Set<String> COMMANDS = Set.of("serve", "check", "batch", "generate", "users",
            "elect");
    static final Set<String> HELP = Set.of("help", "--help", "-h");

    private SlateCheck() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        String[] rest;
        try {
            rest = dataDir(args);
        } catch (IllegalArgumentException e) {
            System.exit(usage(err, Messages.of(Messages.VI).text("cli.bad_option", "--data-dir"), null));
            return;
        }
        if (serves(rest)) {
            String[] settings = rest.length > 0 && rest[0].equals("serve") ? Arrays.copyOfRange(rest, 1, rest.length)
                    : rest;
            String refused = EmbeddedDatabaseSwitch.refusal(settings, System::getenv);
            if (refused != null) {
                // No database URL and the embedded database switched off (the container image): one line, not a
                // database made inside the container nor Spring's report of a failed start.
                err.println(refused);
                err.flush();
                System.exit(CheckCommand.INTERNAL);
                return;
            }
            if (rest.length == 0) {
                out.println(Messages.of(Messages.VI).raw("cli.serve_default"));
                out.println(Messages.of(Messages.EN).raw("cli.serve_default"));
            }
            SpringApplication.run(SlateCheckApplication.class, settings);
            return;
        }
        int code = run(rest, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Whether {@code args} (without {@code --data-dir}) start the web application: no argument, {@code serve}, or
     * only server settings ({@code --name=value}, e.g. {@code --server.port=9090}).
     */
    static boolean serves(String[] args) {
        return args.length == 0 || args[0].equals("serve")
                || Arrays.stream(args).allMatch(a -> a.startsWith("--") && a.contains("=") && !a.startsWith("--lang"));
    }

    /**
     * Takes {@code --data-dir DIR} (or {@code --data-dir=DIR}) out of {@code args} and sets {@code slatecheck.data-dir}
     * to its absolute path, so the web application and every command use it; returns the other arguments.
     */
    static String[] dataDir(String[] args) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String dir = null;
            if (args[i].equals("--data-dir")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    throw new IllegalArgumentException("--data-dir");
                }
                dir = args[++i];
            } else if (args[i].startsWith("--data-dir=")) {
                dir = args[i].substring("--data-dir=".length());
                if (dir.isBlank()) {
                    throw new IllegalArgumentException("--data-dir");
                }
            }
            if (dir != null) {
                System.setProperty(SlateCheckProperties.DATA_DIR_PROPERTY, Path.of(dir).toAbsolutePath().toString());
            } else {
                rest.add(args[i]);
            }
        }
        return rest.toArray(String[]::new);
    }

    /** Runs a command-line command; returns the exit code (0 evaluated, 2 input error or usage, 1 internal failure). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "check":
                return new CheckCommand(out, err).run(rest);
            case "batch":
                return new org.slatecheck.cli.BatchCommand(out, err).run(rest);
            case "users":
                return new org.slatecheck.cli.UsersCommand(out, err).run(rest);
            case "generate":
                return new org.slatecheck.cli.GenerateCommand(out, err).run(rest);
            case "elect":
                return new org.slatecheck.cli.ElectCommand(out, err).run(rest);
            default:
                break;
        }
        if (HELP.contains(command)) {
            return usage(out, null, language(rest));
        }
        Messages vi = Messages.of(Messages.VI);
        return usage(err, command.isEmpty() ? null : vi.text("cli.unknown_command", command) + " / "
                + Messages.of(Messages.EN).text("cli.unknown_command", command), language(rest));
    }

    /** {@code --lang vi|en} among {@code args}, or null (both languages). */
    private static Locale language(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--lang")) {
                return Messages.language(args[i + 1]);
            }
        }
        return null;
    }

    /** Prints {@code problem} (if any) and the usage of every command, in {@code lang} or both; returns 2. */
    static int usage(PrintStream stream, String problem, Locale lang) {
        if (problem != null) {
            stream.println(problem);
        }
        if (lang == null || lang.equals(Messages.VI)) {
            stream.println(Messages.of(Messages.VI).raw("cli.help"));
        }
        if (lang == null) {
            stream.println();
        }
        if (lang == null || lang.equals(Messages.EN)) {
            stream.println(Messages.of(Messages.EN).raw("cli.help"));
        }
        stream.flush();
        return CheckCommand.INPUT;
    }
}
