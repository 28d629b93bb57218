package org.slatecheck.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code generate --nominees N --seed S --out DIR}: a synthetic national data set (congresses.csv and nominees.csv)
 * for tests and benchmarks. Deterministic for a seed; written as a stream, so a million nominees need little memory.
 * Levels, seat counts, Vietnamese names, age/sex/rating/discipline distributions follow a plausible national mix,
 * and a steady share of nominees sits exactly on a boundary (W = required or required − 1, discipline lapsing on the
 * congress day). Nominees of one congress are written in blocks interleaved with other congresses' blocks, as real
 * merged exports are.
 */
public final class GenerateCommand {
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ",
        "Ngô", "Dương", "Lý", "Đinh", "Mai", "Trịnh", "Lương", "Phan", "Tạ", "Lò"};
    private static final String[] MALE = {"Văn An", "Đức Bình", "Minh Cường", "Quang Dũng", "Hữu Hải", "Công Hùng",
        "Xuân Khánh", "Thanh Long", "Mạnh Nam", "Ngọc Sơn", "Văn Thắng", "Đức Trung", "Minh Tuấn", "Quốc Việt"};
    private static final String[] FEMALE = {"Thị Hoa", "Thị Lan", "Thị Mai", "Thị Hồng Nhung", "Thu Hạnh",
        "Thị Hương", "Minh Ngọc", "Thanh Thảo", "Thị Trang", "Hải Yến", "Thị Vân", "Thu Hà"};
    private static final String[] ETHNIC = {"Tày", "Thái", "Mường", "H'Mông", "Khmer", "Nùng", "Dao"};
    private static final String[] PROVINCES = {"Hà Nội", "Ninh Bình", "Nghệ An", "Thanh Hóa", "Hà Tĩnh", "Lào Cai",
        "Đắk Lắk", "Cần Thơ", "Huế", "Quảng Ninh", "Sơn La", "An Giang"};

    private final PrintStream out;
    private final PrintStream err;

    public GenerateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        long nominees = -1;
        int congresses = 0;
        long seed = 1;
        Path dir = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--nominees" -> nominees = Long.parseLong(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--congresses" -> congresses = Integer.parseInt(args[i + 1]);
                case "--out" -> dir = Path.of(args[i + 1]);
                default -> {
                    err.println("generate --nominees N [--congresses C] --seed S --out DIR");
                    return CheckCommand.INPUT;
                }
            }
        }
        if (nominees < 1 || dir == null || args.length % 2 != 0 || congresses < 0 || congresses > nominees) {
            err.println("generate --nominees N [--congresses C] --seed S --out DIR");
            return CheckCommand.INPUT;
        }
        try {
            Files.createDirectories(dir);
            long written = generate(nominees, congresses, seed, dir);
            out.println(written + " nominees in " + dir);
            return CheckCommand.OK;
        } catch (IOException | RuntimeException e) {
            err.println("generate failed: " + e.getClass().getSimpleName());
            return CheckCommand.INTERNAL;
        }
    }

    /** A planned congress: its row and how many nominees it gets. */
    private record Plan(String id, String level, String term, String kind, int seats, int count, int year) {
    }

    /** Writes the data set with the natural number of congresses; returns the number of nominees written. */
    public static long generate(long total, long seed, Path dir) throws IOException {
        return generate(total, 0, seed, dir);
    }

    /**
     * Writes the data set; returns the number of nominees written. With {@code congresses} > 0 exactly that many
     * congresses are planned and their list sizes scaled so that they add up to {@code total} (the benchmark's
     * "1,000,000 nominees in 10,000 congresses"); with 0 congresses are planned at their natural sizes.
     */
    public static long generate(long total, int congresses, long seed, Path dir) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Plan> plans = new ArrayList<>();
        long planned = 0;
        while (congresses > 0 ? plans.size() < congresses : planned < total) {
            double l = rnd.nextDouble();
            String level = l < 0.55 ? "GRASSROOTS" : l < 0.80 ? "COMMUNE" : l < 0.90 ? "ABOVE_GRASSROOTS"
                    : l < 0.96 ? "DISTRICT" : "PROVINCE";
            String term = level.equals("DISTRICT") || rnd.nextDouble() < 0.1 ? "2020-2025" : "2025-2030";
            double k = rnd.nextDouble();
            String kind = k < 0.6 ? "ELECTION_LIST" : k < 0.9 ? "PERSONNEL_PLAN" : "INSPECTION_LIST";
            int seats = switch (level) {
                case "GRASSROOTS" -> kind.equals("INSPECTION_LIST") ? 3 + rnd.nextInt(3) : 60 + rnd.nextInt(40);
                case "COMMUNE" -> kind.equals("INSPECTION_LIST") ? 5 + rnd.nextInt(3) : 25 + rnd.nextInt(10);
                case "PROVINCE" -> kind.equals("INSPECTION_LIST") ? 9 + rnd.nextInt(5) : 45 + rnd.nextInt(25);
                default -> kind.equals("INSPECTION_LIST") ? 7 + rnd.nextInt(3) : 30 + rnd.nextInt(20);
            };
            int count = switch (kind) {
                case "ELECTION_LIST" -> seats + Math.max(0, (int) Math.round(seats * (0.05 + rnd.nextDouble() * 0.3)));
                default -> rnd.nextDouble() < 0.9 ? seats : seats + rnd.nextInt(3) - 1;
            };
            count = congresses > 0 ? count : (int) Math.max(1, Math.min(count, total - planned));
            int year = term.equals("2025-2030") ? 2025 : 2020;
            plans.add(new Plan(String.format("DH%06d", plans.size() + 1), level, term, kind, seats, count, year));
            planned += count;
        }
        if (congresses > 0) {
            plans = scale(plans, planned, total);
        }
        writeCongresses(plans, dir.resolve("congresses.csv"), rnd);
        return writeNominees(plans, dir.resolve("nominees.csv"), rnd);
    }

    /** The plans with list sizes (and seats, in proportion) scaled so the sizes add up to {@code total}. */
    private static List<Plan> scale(List<Plan> plans, long natural, long total) {
        List<Plan> scaled = new ArrayList<>(plans.size());
        long given = 0;
        double factor = (double) total / natural;
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            long left = total - given;
            int remaining = plans.size() - i;
            int count = i == plans.size() - 1 ? (int) left
                    : (int) Math.max(1, Math.min(left - (remaining - 1), Math.round(p.count() * factor)));
            int seats = Math.max(1, (int) Math.round(p.seats() * (double) count / p.count()));
            scaled.add(new Plan(p.id(), p.level(), p.term(), p.kind(), seats, count, p.year()));
            given += count;
        }
        return scaled;
    }

    private static void writeCongresses(List<Plan> plans, Path file, SplittableRandom rnd) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord("congress_id", "organisation", "level", "term", "province", "reference_month",
                    "congress_date", "list_kind", "committee_seats", "standing_seats", "deputy_secretary_seats",
                    "max_committee_seats", "merged_units", "min_minority_share");
            for (Plan c : plans) {
                String ref = c.term().equals("2020-2025") && !c.level().equals("PROVINCE")
                        && !c.level().equals("DISTRICT") ? "2020-06" : "";
                LocalDate date = LocalDate.of(c.year(), c.level().equals("PROVINCE") ? 9 : c.level().equals("COMMUNE")
                        ? 7 : c.level().equals("GRASSROOTS") ? 4 : 6, 1 + rnd.nextInt(28));
                if (ref.isEmpty() && c.term().equals("2025-2030") && date.isBefore(LocalDate.of(2025, 4, 14))) {
                    // Chỉ thị 45's reference months apply from 14/4/2025 (docs/specification.md section 5): an earlier congress gives
                    // its month — the one the default gave before, so the generated lists screen as they did.
                    ref = "2025-04";
                }
                boolean committee = !c.kind().equals("INSPECTION_LIST");
                String org = switch (c.level()) {
                    case "GRASSROOTS" -> "Đảng bộ cơ sở ";
                    case "ABOVE_GRASSROOTS" -> "Đảng bộ cấp trên cơ sở ";
                    case "COMMUNE" -> "Đảng bộ xã ";
                    case "DISTRICT" -> "Đảng bộ huyện ";
                    default -> "Đảng bộ tỉnh ";
                } + PROVINCES[rnd.nextInt(PROVINCES.length)] + " " + c.id().substring(2);
                // Scaled to fewer nominees (--congresses), a committee can be smaller than the standing committee
                // drawn for it, or its maximum 0: both are input errors since version 3 (a standing committee larger
                // than the committee; a maximum below 1), so they are held to what a real congress can have — with
                // the same random draws, so every other value of the data set stays as it was.
                p.printRecord(c.id(), org, c.level(),
                        c.term(), PROVINCES[rnd.nextInt(PROVINCES.length)], ref, date, c.kind(), c.seats(),
                        committee && rnd.nextDouble() < 0.7 ? Math.min(c.seats(), 9 + rnd.nextInt(4)) : "",
                        committee && rnd.nextDouble() < 0.5 ? 2 + rnd.nextInt(2) : "",
                        !c.level().equals("COMMUNE") && rnd.nextDouble() < 0.3
                                ? Math.max(1, c.seats() + rnd.nextInt(5) - 1) : "",
                        c.level().equals("COMMUNE") ? 1 + rnd.nextInt(4) : "",
                        rnd.nextDouble() < 0.2 ? "0." + (5 + rnd.nextInt(20)) : "");
            }
        }
    }

    private static long writeNominees(List<Plan> plans, Path file, SplittableRandom rnd) throws IOException {
        long written = 0;
        int[] next = new int[plans.size()];
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord("congress_id", "nominee_id", "full_name", "sex", "birth_date", "ethnicity",
                    "hometown_province", "membership", "incumbent", "current_posts", "proposed_posts",
                    "consecutive_terms", "political_theory", "education", "discipline_form", "discipline_date",
                    "discipline_pending", "political_conclusion", "political_conclusion_date", "quality_ratings",
                    "unresolved_complaints", "asset_declaration", "health_ok", "relatives");
            // Blocks of up to 50 nominees from a window of congresses, so a congress's rows are scattered.
            int window = 0;
            while (window < plans.size()) {
                int end = Math.min(plans.size(), window + 8);
                boolean any = false;
                for (int c = window; c < end; c++) {
                    Plan plan = plans.get(c);
                    int block = Math.min(plan.count() - next[c], 1 + rnd.nextInt(50));
                    for (int i = 0; i < block; i++) {
                        nominee(p, plan, next[c]++, rnd);
                        written++;
                        any = true;
                    }
                }
                while (window < plans.size() && next[window] >= plans.get(window).count()) {
                    window++;
                }
                if (!any && window < plans.size()) {
                    continue;
                }
            }
        }
        return written;
    }

    private static void nominee(CSVPrinter p, Plan c, int index, SplittableRandom rnd) throws IOException {
        boolean woman = rnd.nextDouble() < 0.3;
        boolean incumbent = rnd.nextDouble() < 0.55;
        int refYear = c.year();
        // Ages 28..62 with a steady share placed on the age-rule boundaries.
        LocalDate birth;
        double b = rnd.nextDouble();
        if (b < 0.04) {
            birth = LocalDate.of(refYear - 61 - rnd.nextInt(2), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        } else {
            birth = LocalDate.of(refYear - 28 - rnd.nextInt(34), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        }
        String post = index == 0 ? "SECRETARY;STANDING_COMMITTEE" : index < 3 ? "DEPUTY_SECRETARY;STANDING_COMMITTEE"
                : index < 10 ? "STANDING_COMMITTEE" : c.kind().equals("INSPECTION_LIST") ? "INSPECTION_MEMBER"
                : "COMMITTEE";
        double d = rnd.nextDouble();
        String form = d < 0.93 ? "" : d < 0.97 ? "KHIEN_TRACH" : d < 0.99 ? "CANH_CAO" : "CACH_CHUC";
        LocalDate congress = LocalDate.of(refYear, 6, 15);
        String disciplineDate = form.isEmpty() ? ""
                : (rnd.nextDouble() < 0.3 ? congress.minusMonths(12) : congress.minusDays(30 + rnd.nextInt(700)))
                        .toString();
        StringBuilder ratings = new StringBuilder();
        for (int y = refYear - 5; y < refYear; y++) {
            if (rnd.nextDouble() < 0.02) {
                continue;
            }
            double r = rnd.nextDouble();
            ratings.append(ratings.length() == 0 ? "" : ";").append(y).append(':')
                    .append(r < 0.01 ? "KHTNV" : r < 0.3 ? "HTNV" : r < 0.85 ? "HTTNV" : "HTXSNV");
        }
        String name = FAMILY[rnd.nextInt(FAMILY.length)] + " "
                + (woman ? FEMALE[rnd.nextInt(FEMALE.length)] : MALE[rnd.nextInt(MALE.length)]);
        p.printRecord(c.id(), "NS" + (index + 1), name, woman ? (rnd.nextBoolean() ? "F" : "Nữ") : "M",
                rnd.nextDouble() < 0.05 ? String.valueOf(birth.getYear()) : birth.toString(),
                rnd.nextDouble() < 0.12 ? ETHNIC[rnd.nextInt(ETHNIC.length)] : rnd.nextDouble() < 0.01 ? "" : "Kinh",
                PROVINCES[rnd.nextInt(PROVINCES.length)], rnd.nextDouble() < 0.01 ? "PROBATIONARY" : "OFFICIAL",
                incumbent, incumbent ? post.replace("SECRETARY;", "").replace("DEPUTY_", "") : "", post,
                post.startsWith("SECRETARY") ? String.valueOf(rnd.nextInt(3)) : "",
                rnd.nextDouble() < 0.03 ? "" : rnd.nextDouble() < 0.1 ? "SO_CAP" : rnd.nextDouble() < 0.6 ? "TRUNG_CAP"
                        : "CAO_CAP",
                rnd.nextDouble() < 0.02 ? "" : rnd.nextDouble() < 0.08 ? "COLLEGE" : "BACHELOR", form, disciplineDate,
                rnd.nextDouble() < 0.005, rnd.nextDouble() < 0.01 ? "" : rnd.nextDouble() < 0.01 ? "NOT_MET" : "MET",
                congress.minusMonths(1 + rnd.nextInt(30)), ratings, rnd.nextDouble() < 0.02 ? 1 : 0,
                rnd.nextDouble() < 0.01 ? "" : rnd.nextDouble() > 0.01, rnd.nextDouble() < 0.01 ? "" : rnd.nextDouble() > 0.005,
                index > 0 && rnd.nextDouble() < 0.01 ? "NS" + index : "");
    }
}
