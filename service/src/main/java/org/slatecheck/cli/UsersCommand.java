package org.slatecheck.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slatecheck.governance.UserAccounts;
import org.slatecheck.rules.text.Messages;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code users add --name NAME --role ROLE[+ROLE] [--unit UNIT] [--password-file FILE] [--lang vi|en]}: creates a
 * user in the configured (or embedded) database — how a production installation, which starts without users, gets
 * its first administrator. The password is read from the terminal (twice, not echoed) or from the first line of a
 * file, never from the command line; it passes the password policy. Exit 0 created, 2 refused, 1 internal failure.
 */
public final class UsersCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Console console;

    public UsersCommand(PrintStream out, PrintStream err) {
        this(out, err, System.console());
    }

    UsersCommand(PrintStream out, PrintStream err, Console console) {
        this.out = out;
        this.err = err;
        this.console = console;
    }

    public int run(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        Messages messages = Messages.of(Messages.language(o.get("--lang")) == null ? Messages.VI
                : Messages.language(o.get("--lang")));
        if (args.length == 0 || !args[0].equals("add") || args.length % 2 == 0 || !o.containsKey("--name")
                || !o.containsKey("--role") || o.containsKey("--password")) {
            err.println(messages.raw("cli.users_usage"));
            return CheckCommand.INPUT;
        }
        String password;
        try {
            password = password(o.get("--password-file"), messages);
        } catch (IOException e) {
            err.println(o.get("--password-file") + ": " + messages.raw("cli.unreadable"));
            return CheckCommand.INPUT;
        }
        if (password == null) {
            return CheckCommand.INPUT;
        }
        List<String> roles = Arrays.stream(o.get("--role").split("[+,]")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        // The demo users are never created by this command, whatever profile is active.
        try (ConfigurableApplicationContext ctx = CommandContext.start("--slatecheck.demo-users=")) {
            // Without --unit the user belongs to the root unit (TW): the first administrator sees everything.
            ctx.getBean(UserAccounts.class).create("cli", o.get("--name"), password, roles,
                    o.getOrDefault("--unit", org.slatecheck.governance.OrgUnits.ROOT));
            out.println(messages.text("cli.users_created", o.get("--name"), String.join("+", roles)));
            return CheckCommand.OK;
        } catch (IllegalArgumentException e) {
            err.println(messages.raw(e.getMessage()));
            return CheckCommand.INPUT;
        } catch (Exception e) {
            String database = CommandContext.databaseProblem(e, messages);
            err.println(database != null ? database : messages.text("cli.internal", e.getClass().getSimpleName()));
            if (CommandContext.debug()) {
                e.printStackTrace(err);
            }
            return CheckCommand.INTERNAL;
        }
    }

    /** From the file (its first line) or the terminal (asked twice); null after an error was printed. */
    private String password(String file, Messages messages) throws IOException {
        if (file != null) {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.get(0);
        }
        if (console == null) {
            err.println(messages.raw("cli.users_no_console"));
            return null;
        }
        char[] first = console.readPassword("%s", messages.raw("cli.users_password"));
        char[] second = console.readPassword("%s", messages.raw("cli.users_password_again"));
        if (first == null || second == null || !Arrays.equals(first, second)) {
            err.println(messages.raw("cli.users_mismatch"));
            return null;
        }
        String p = new String(first);
        Arrays.fill(first, ' ');
        Arrays.fill(second, ' ');
        return p;
    }
}
