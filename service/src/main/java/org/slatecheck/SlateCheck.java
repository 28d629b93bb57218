package org.slatecheck;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.slatecheck.cli.CheckCommand;

/** Entry point of {@code slatecheck.jar}: dispatches to the command named by the first argument. */
public final class SlateCheck {
    private SlateCheck() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs a command; returns the exit code (0 evaluated, 2 input error, 1 internal failure). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("check")) {
            return new CheckCommand(out, err).run(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        return CheckCommand.usage(err, args.length == 0 ? "" : args[0]);
    }
}
