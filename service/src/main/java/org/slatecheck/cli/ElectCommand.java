package org.slatecheck.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slatecheck.election.ElectionJson;
import org.slatecheck.election.ElectionRun;
import org.slatecheck.rules.election.ElectionExplainer;
import org.slatecheck.rules.election.ElectionResult;
import org.slatecheck.rules.election.TallyFile;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.CongressList;
import org.slatecheck.rules.intake.InputError;
import org.slatecheck.rules.intake.InputException;
import org.slatecheck.rules.intake.Intake;

/**
 * {@code elect --candidates FILE --congresses FILE --tally FILE [--congress ID] [--format text|json] [--lang vi|en]}:
 * the candidates are the election list in the nominees file's format (the list that was checked), the congresses
 * file gives the congress (date, seats), the tally file the minutes' numbers and each candidate's votes
 * ({@link TallyFile}). Prints who is elected, the tie, the next round's list and the elected committee's structure —
 * the JSON is the API's ({@code POST /api/elections/decide}). Exit 0 decided (whatever the outcome), 2 input error,
 * 1 internal failure. The shipped rule sets; no database.
 */
public final class ElectCommand {
    private static final Set<String> OPTIONS = Set.of("--candidates", "--congresses", "--tally", "--congress",
            "--format", "--lang");

    private final PrintStream out;
    private final PrintStream err;

    public ElectCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length || options.containsKey(args[i])) {
                return usage(args[i]);
            }
            options.put(args[i], args[++i]);
        }
        Locale lang = Messages.language(options.get("--lang"));
        String format = options.getOrDefault("--format", "text");
        if (lang == null || !Set.of("text", "json").contains(format)) {
            return usage(lang == null ? "--lang" : "--format");
        }
        for (String required : List.of("--candidates", "--congresses", "--tally")) {
            if (!options.containsKey(required)) {
                return usage(required);
            }
        }
        Messages m = Messages.of(lang);
        try {
            byte[] candidates = read(options.get("--candidates"), m);
            byte[] congresses = read(options.get("--congresses"), m);
            byte[] tally = read(options.get("--tally"), m);
            if (candidates == null || congresses == null || tally == null) {
                return CheckCommand.INPUT;
            }
            RuleSetSnapshot snapshot = RuleSetSnapshot.shipped();
            List<CongressList> lists = Intake.read(new Intake.Input(options.get("--congresses"), congresses),
                    new Intake.Input(options.get("--candidates"), candidates), snapshot).lists();
            CongressList list = ElectionRun.pick(lists, options.get("--congress"));
            if (list == null) {
                err.println(m.text("election.cli.congress", lists.stream().map(l -> l.congress().getId()).toList()));
                return CheckCommand.INPUT;
            }
            ElectionRun.Decided decided = ElectionRun.decide(snapshot, list, tally);
            ElectionExplainer ex = ElectionRun.explainer(lang.getLanguage());
            out.print(format.equals("json") ? ElectionJson.write(decided.json(lang.getLanguage()))
                    : text(decided, ex));
            return CheckCommand.OK;
        } catch (InputException e) {
            for (InputError error : e.getErrors()) {
                err.println(error.format(m));
            }
            return CheckCommand.INPUT;
        } catch (TallyFile.TallyException e) {
            for (TallyFile.Problem p : e.problems()) {
                err.println(p.format(options.get("--tally"), m));
            }
            return CheckCommand.INPUT;
        } catch (RuntimeException | Error e) {
            // One line, no stack trace nor message text: either could carry personal data from the input.
            err.println(m.text("cli.internal", e.getClass().getSimpleName()));
            return CheckCommand.INTERNAL;
        }
    }

    /** The result in words: the election, each candidate, the elected in order, the tie, the next round, the body. */
    static String text(ElectionRun.Decided d, ElectionExplainer ex) {
        Messages m = ex.messages();
        ElectionResult r = d.result();
        StringBuilder b = new StringBuilder();
        var e = r.election();
        b.append(m.text("election.text.heading", ex.body(e.getBody()), e.getRound(), e.getSeats(), ex.kind(e.getKind()),
                e.getBase())).append('\n');
        b.append(ex.status(r.status())).append('\n');
        r.errors().forEach(f -> b.append("  ! ").append(ex.message(f)).append('\n'));
        for (ElectionResult.CandidateResult c : r.candidates()) {
            b.append("  ").append(c.candidate().getCandidateId()).append("  ").append(c.candidate().getName())
                    .append(": ").append(ex.explain(c)).append('\n');
        }
        b.append(m.text("election.text.elected", r.elected().size(),
                String.join(", ", r.elected().stream().map(c -> c.candidate().getName()).toList()))).append('\n');
        if (!r.tied().isEmpty()) {
            b.append(m.text("election.text.tied", r.seatsLeft(),
                    String.join(", ", r.tied().stream().map(c -> c.candidate().getName()).toList()))).append('\n');
        }
        if (!r.nextRound().isEmpty()) {
            b.append(m.text("election.text.next_round",
                    String.join(", ", r.nextRound().stream().map(c -> c.candidate().getName()).toList())))
                    .append('\n');
        }
        if (d.body() != null) {
            var c = d.body().composition();
            b.append(m.text("election.text.body", c.getTotal(), c.getWomen(), c.getUnder40(), c.getMinority()))
                    .append('\n');
            org.slatecheck.rules.explain.Explainer explainer = new org.slatecheck.rules.explain.Explainer(m);
            d.body().findings().forEach(f -> b.append("  - ").append(explainer.message(f)).append('\n'));
        }
        ex.citations(r).forEach(c -> b.append(m.raw("election.text.citation")).append(' ').append(c).append('\n'));
        return b.toString();
    }

    private byte[] read(String file, Messages m) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException | RuntimeException e) {
            err.println(file + ": " + m.raw(CheckCommand.unreadable(file)));
            return null;
        }
    }

    private int usage(String bad) {
        Messages vi = Messages.of(Messages.VI);
        err.println(vi.text("cli.bad_option", bad));
        err.println(vi.raw("election.cli.usage"));
        err.println(Messages.of(Messages.EN).raw("election.cli.usage"));
        return CheckCommand.INPUT;
    }
}
