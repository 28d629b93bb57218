package org.slatecheck;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.slatecheck.cli.CheckCommand;
import org.springframework.boot.SpringApplication;

/**
 * Entry point of {@code slatecheck.jar}: {@code check …} runs the command line (no database), {@code batch …},
 * {@code generate …} and {@code users add …} (the first administrator) their commands; no argument, or
 * {@code serve}, starts the web application.
 */
public final class SlateCheck {
    private SlateCheck() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("serve") || args[0].startsWith("--")) {
            String[] rest = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
            SpringApplication.run(SlateCheckApplication.class, rest);
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs a command-line command; returns the exit code (0 evaluated, 2 input error, 1 internal failure). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("check")) {
            return new CheckCommand(out, err).run(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("batch")) {
            return new org.slatecheck.cli.BatchCommand(out, err).run(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("users")) {
            return new org.slatecheck.cli.UsersCommand(out, err).run(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("generate")) {
            return new org.slatecheck.cli.GenerateCommand(out, err).run(Arrays.copyOfRange(args, 1, args.length));
        }
        return CheckCommand.usage(err, args.length == 0 ? "" : args[0]);
    }
}
