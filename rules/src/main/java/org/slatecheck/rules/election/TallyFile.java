package org.slatecheck.rules.election;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.Columns;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;

/**
 * The tally as the counting board has it: two columns, {@code candidate,votes} (the shape vote-counting software
 * exports; Vietnamese headers too: "Ứng cử viên", "Số phiếu"). A candidate row names the candidate by id or full
 * name. Rows whose first cell is one of the words below carry the rest of the minutes instead (Vietnamese words
 * too, without regard to accents or case): {@code kind} (MEMBERS / DELEGATES / COMMITTEE, or "đại hội đảng viên",
 * "đại hội đại biểu", "hội nghị cấp ủy"), {@code body}, {@code round}, {@code seats} (default: the congress's seats
 * for the body), {@code convened}, {@code deduct REASON} (one row per reason, the number deducted), {@code issued},
 * {@code returned}, {@code valid}, {@code invalid}. Reading is all-or-nothing: every problem is reported with its
 * line, in the reader's language, and nothing is decided.
 */
public final class TallyFile {
    /** One problem: the line (0: the file as a whole), the message key and its arguments. */
    public record Problem(int line, String key, List<Object> args) {
        public String format(String file, Messages m) {
            return file + (line > 0 ? ":" + line : "") + ": " + m.text(key, args.toArray());
        }
    }

    /** The tally could not be read; every problem found. */
    public static final class TallyException extends RuntimeException {
        private final List<Problem> problems;

        TallyException(List<Problem> problems) {
            super("tally not readable: " + problems.size() + " problems");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() { return problems; }
    }

    /** What the file gives: the election, the ballots and the votes in the order of the candidates. */
    public record Read(Election election, Tally tally, List<CandidateVotes> votes) {
    }

    private static final Map<String, String> WORDS = new HashMap<>();

    static {
        word("kind", "kind", "loai dai hoi", "hinh thuc");
        word("body", "body", "bau", "co quan");
        word("round", "round", "lan bau", "vong");
        word("seats", "seats", "so luong bau", "so can bau", "so luong");
        word("convened", "convened", "trieu tap", "so trieu tap", "dang vien chinh thuc", "dai bieu chinh thuc");
        word("issued", "issued", "phieu phat ra", "phat ra");
        word("returned", "returned", "phieu thu vao", "thu vao");
        word("valid", "valid", "phieu hop le", "hop le");
        word("invalid", "invalid", "phieu khong hop le", "khong hop le");
    }

    private static void word(String key, String... forms) {
        for (String f : forms) {
            WORDS.put(f, key);
        }
    }

    private static final Map<String, VoterKind> KINDS = Map.of("members", VoterKind.MEMBERS, "dai hoi dang vien",
            VoterKind.MEMBERS, "delegates", VoterKind.DELEGATES, "dai hoi dai bieu", VoterKind.DELEGATES, "committee",
            VoterKind.COMMITTEE, "hoi nghi cap uy", VoterKind.COMMITTEE);

    private TallyFile() {
    }

    /**
     * Reads {@code content} for the candidates of {@code congress}; the body defaults to the committee and the kind to
     * a delegates' congress above the grassroots, a members' congress at a grassroots level.
     */
    public static Read read(byte[] content, Congress congress, List<Nominee> candidates) {
        List<Problem> problems = new ArrayList<>();
        if (org.slatecheck.rules.intake.XlsxReader.isXlsx(content)) {
            // A tally as an .xlsx workbook (what vote-counting software exports): its first visible sheet, read as
            // the CSV tally is; a workbook that cannot be read is refused with the intake's reason.
            List<org.slatecheck.rules.intake.InputError> errors = new ArrayList<>();
            byte[] csv = org.slatecheck.rules.intake.XlsxReader.csvOf("tally.xlsx", content, errors);
            if (csv == null) {
                for (org.slatecheck.rules.intake.InputError e : errors) {
                    problems.add(new Problem((int) e.line(), e.key(), List.copyOf(e.args())));
                }
                throw new TallyException(problems);
            }
            content = csv;
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, Nominee> byId = new LinkedHashMap<>();
        Map<String, List<Nominee>> byName = new HashMap<>();
        for (Nominee n : candidates) {
            byId.put(Columns.fold(n.getNomineeId()), n);
            byName.computeIfAbsent(Columns.fold(n.getFullName()), k -> new ArrayList<>()).add(n);
        }
        Map<String, Integer> numbers = new HashMap<>();
        Map<String, Integer> votes = new HashMap<>();
        List<Deduction> deductions = new ArrayList<>();
        VoterKind kind = null;
        Body body = Body.COMMITTEE;
        CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            boolean header = true;
            for (CSVRecord r : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (header) {
                    header = false;
                    if (r.size() < 2 || !Columns.fold(r.get(1)).matches("votes|so phieu|phieu|so phieu bau")) {
                        problems.add(new Problem(line, "election.input.header", List.of()));
                        break;
                    }
                    continue;
                }
                if (r.size() < 2) {
                    problems.add(new Problem(line, "election.input.columns", List.of()));
                    continue;
                }
                String name = Columns.fold(r.get(0));
                String value = r.get(1);
                if (name.equals("kind") || name.equals("loai dai hoi") || name.equals("hinh thuc")) {
                    kind = KINDS.get(Columns.fold(value).replace('_', ' '));
                    if (kind == null) {
                        kind = KINDS.get(Columns.fold(value));
                    }
                    if (kind == null) {
                        problems.add(new Problem(line, "election.input.kind", List.of(value)));
                    }
                    continue;
                }
                if (name.equals("body") || name.equals("co quan")) {
                    try {
                        body = Body.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        problems.add(new Problem(line, "election.input.body", List.of(value)));
                    }
                    continue;
                }
                Integer number = number(value);
                if (number == null) {
                    problems.add(new Problem(line, "election.input.number", List.of(r.get(0), value)));
                    continue;
                }
                if (name.startsWith("deduct ") || name.startsWith("tru ")) {
                    String reason = r.get(0).strip().substring(r.get(0).strip().indexOf(' ') + 1).strip();
                    try {
                        deductions.add(new Deduction(number, DeductionReason.valueOf(reason.toUpperCase(
                                java.util.Locale.ROOT)), null));
                    } catch (IllegalArgumentException e) {
                        problems.add(new Problem(line, "election.input.reason", List.of(reason)));
                    }
                    continue;
                }
                String key = WORDS.get(name);
                if (key != null) {
                    if (numbers.put(key, number) != null) {
                        problems.add(new Problem(line, "election.input.twice", List.of(r.get(0))));
                    }
                    continue;
                }
                Nominee n = byId.get(name);
                if (n == null) {
                    List<Nominee> named = byName.getOrDefault(name, List.of());
                    if (named.size() > 1) {
                        problems.add(new Problem(line, "election.input.ambiguous", List.of(r.get(0))));
                        continue;
                    }
                    n = named.isEmpty() ? null : named.get(0);
                }
                if (n == null) {
                    problems.add(new Problem(line, "election.input.unknown", List.of(r.get(0))));
                    continue;
                }
                if (votes.put(n.getNomineeId(), number) != null) {
                    problems.add(new Problem(line, "election.input.twice", List.of(r.get(0))));
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(0, "election.input.unreadable", List.of()));
        }
        for (String required : List.of("convened", "issued", "returned", "valid", "invalid")) {
            if (problems.isEmpty() && !numbers.containsKey(required)) {
                problems.add(new Problem(0, "election.input.missing", List.of(new Messages.Key(
                        "election.field." + required))));
            }
        }
        List<CandidateVotes> out = new ArrayList<>();
        for (Nominee n : candidates) {
            Integer v = votes.get(n.getNomineeId());
            if (v == null) {
                if (problems.isEmpty()) {
                    problems.add(new Problem(0, "election.input.no_votes", List.of(n.getNomineeId())));
                }
                continue;
            }
            out.add(new CandidateVotes(n.getNomineeId(), n.getFullName(), v));
        }
        Integer seats = numbers.get("seats");
        if (seats == null) {
            seats = defaultSeats(body, congress);
        }
        if (problems.isEmpty() && (seats == null || seats < 1)) {
            problems.add(new Problem(0, "election.input.missing", List.of(new Messages.Key("election.field.seats"))));
        }
        if (!problems.isEmpty()) {
            throw new TallyException(problems);
        }
        if (kind == null) {
            kind = body.electedByCommittee() ? VoterKind.COMMITTEE
                    : congress.getLevel().name().equals("GRASSROOTS") ? VoterKind.MEMBERS : VoterKind.DELEGATES;
        }
        LocalDate date = congress.getCongressDate();
        Election election = new Election(body, numbers.getOrDefault("round", 1), seats, kind, date,
                numbers.get("convened"), deductions);
        return new Read(election, new Tally(numbers.get("issued"), numbers.get("returned"), numbers.get("valid"),
                numbers.get("invalid")), out);
    }

    /** The seats of {@code body} the congress gives, or null. */
    static Integer defaultSeats(Body body, Congress congress) {
        return switch (body) {
            case COMMITTEE -> congress.getCommitteeSeats();
            case STANDING_COMMITTEE -> congress.getStandingSeats();
            case SECRETARY, INSPECTION_CHAIR -> 1;
            default -> null;
        };
    }

    /** A whole number from 0 to 10 000 000 (spaces and dots between thousands allowed), or null. */
    static Integer number(String value) {
        String v = value.strip().replace(" ", "").replace(".", "").replace("\u00a0", "");
        if (!v.matches("\\d{1,8}")) {
            return null;
        }
        int n = Integer.parseInt(v);
        return n > 10_000_000 ? null : n;
    }
}
