package org.slatecheck.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slatecheck.batch.BatchRunner;
import org.slatecheck.config.SlateCheckProperties;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.InputError;
import org.slatecheck.rules.intake.InputException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code batch --congresses F --nominees F [--id ID] [--threads N] [--lang vi|en]}: checks every list and stores the
 * results in the configured (or embedded) database. Restarted with the same id it resumes. Progress on stderr.
 * Exit 0 done, 2 input errors (nothing stored), 1 internal failure (a database that cannot be reached, or a data folder
 * used by a running SlateCheck whose database cannot be reached: one line, no stack trace).
 */
public final class BatchCommand {
    private final PrintStream out;
    private final PrintStream err;

    public BatchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || !o.containsKey("--congresses") || !o.containsKey("--nominees")) {
            err.println("batch --congresses FILE --nominees FILE [--id ID] [--threads N] [--lang vi|en]");
            return CheckCommand.INPUT;
        }
        Messages messages = Messages.of(Messages.language(o.get("--lang")) == null ? Messages.VI
                : Messages.language(o.get("--lang")));
        Path congresses = Path.of(o.get("--congresses"));
        Path nominees = Path.of(o.get("--nominees"));
        for (Path p : new Path[] {congresses, nominees}) {
            if (!Files.isReadable(p) || Files.isDirectory(p)) {
                err.println(p + ":1:-: " + messages.raw(CheckCommand.unreadable(p.toString())));
                return CheckCommand.INPUT;
            }
        }
        String id = o.getOrDefault("--id", org.slatecheck.batch.BatchIds.generated());
        // The names the pages and the API accept: the command line's batches are the root unit's, named as they are.
        if (!org.slatecheck.batch.BatchIds.NAME.matcher(id).matches()) {
            err.println("--id " + id + ": " + messages.raw("ui.paging.batch_bad_id"));
            return CheckCommand.INPUT;
        }
        int threads = Integer.parseInt(o.getOrDefault("--threads",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
        try (ConfigurableApplicationContext ctx = CommandContext.start()) {
            BatchRunner runner = ctx.getBean(BatchRunner.class);
            Path work = ctx.getBean(SlateCheckProperties.class).dataDir().toAbsolutePath().resolveSibling("batches");
            BatchRunner.Outcome r = runner.run(id, congresses, nominees, work, threads, this::progress);
            err.println();
            out.println("batch " + r.id() + ": " + r.lists() + " lists, " + r.nominees() + " nominees, "
                    + r.skipped() + " already stored, " + r.millis() + " ms (reading and validating " + r.readMillis()
                    + " ms); check " + r.checkId() + peakRss());
            // The intake's warnings, printed as check prints them (docs/specification.md section 2): the files as the user named them.
            Map<String, String> named = Map.of(congresses.getFileName().toString(), congresses.toString(),
                    nominees.getFileName().toString(), nominees.toString());
            for (org.slatecheck.rules.intake.InputWarning w : runner.warnings(r.id())) {
                w = new org.slatecheck.rules.intake.InputWarning(named.getOrDefault(w.file(), w.file()), w.line(),
                        w.column(), w.key(), w.args().stream().map(a -> named.getOrDefault(a, a)).toList());
                err.println(messages.raw("report.warnings") + " " + w.format(messages));
            }
            for (BatchRunner.ListFailure f : r.failures()) {
                err.println(messages.text(f.reasonKey(), f.congressId(), f.detail()) + " "
                        + messages.text("batch.list_failed", f.congressId()));
            }
            return CheckCommand.OK;
        } catch (InputException e) {
            for (InputError x : e.getErrors()) {
                err.println(x.format(messages));
            }
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

    /** "; peak RSS N MB" from /proc/self/status where the system has it (Linux), else nothing. */
    static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return "; peak RSS " + kb / 1024 + " MB";
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return "";
    }

    private void progress(BatchRunner.Progress p) {
        int width = 30;
        int filled = p.listsTotal() == 0 ? width : (int) ((long) width * p.listsDone() / p.listsTotal());
        double seconds = Math.max(0.001, p.elapsedMillis() / 1000.0);
        long rate = (long) (p.nomineesDone() / seconds);
        long left = rate == 0 ? 0 : (p.nomineesTotal() - p.nomineesDone()) / Math.max(1, rate);
        err.print(String.format("\r[%s%s] %d/%d lists · %,d nominees/s · %d s left   ", "#".repeat(filled),
                ".".repeat(width - filled), p.listsDone(), p.listsTotal(), rate, left));
        err.flush();
    }
}
