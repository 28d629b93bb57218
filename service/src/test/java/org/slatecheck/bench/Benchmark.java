package org.slatecheck.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.slatecheck.SlateCheckApplication;
import org.slatecheck.batch.Spill;
import org.slatecheck.cli.GenerateCommand;
import org.slatecheck.records.CheckRecords;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.intake.Columns;
import org.slatecheck.rules.intake.CsvStream;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.rules.intake.NomineeReader;
import org.slatecheck.rules.intake.Row;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.screening.Checker;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The issue-5 benchmark, a command of its own (not part of the test run): {@code ./mvnw -B -Pbench -pl service -am
 * verify -DskipTests}, see docs/performance.md. Phases:
 * <ol>
 * <li>end to end: the real {@code batch} command in a child JVM with {@code -Xmx2g} on 1,000,000 nominees in 10,000
 * congresses (generated once, seed 1), its wall time and its own peak RSS;</li>
 * <li>parse only: the nominees file through the intake (CSV + validation), one thread;</li>
 * <li>rules alone: every list through the Drools facade and through the hand-written {@link Baseline}, both timed in
 * the same run on the same threads, and every list's results compared — any difference fails the benchmark;</li>
 * <li>insert only: prepared rows of the first lists stored with COPY, rendering excluded from the time;</li>
 * <li>service: 100-nominee lists posted to {@code POST /api/checks} on loopback by a fixed number of clients.</li>
 * </ol>
 * The report goes to stdout and {@code target/bench/report.md}.
 */
public final class Benchmark {
    /** The rule sets of every phase that screens in process: one snapshot, as the command line takes it. */
    private static final RuleSetSnapshot RULES = RuleSetSnapshot.shipped();

    private final Map<String, String> options;
    private final Path work;
    private final List<String> report = new ArrayList<>();
    /** What the phases measured (seconds; the service in nominees/s), for the ratio figures (issue 20). */
    private final Map<String, Double> measured = new LinkedHashMap<>();
    private final int threads = Runtime.getRuntime().availableProcessors();

    private Benchmark(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(options.getOrDefault("--work", "target/bench")).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        System.exit(new Benchmark(o).run());
    }

    /** Runs the phases; 1 when {@code --compare} found a ratio figure that fell by more than 20 %, else 0. */
    private int run() throws Exception {
        long nominees = Long.parseLong(options.getOrDefault("--nominees", "1000000"));
        int congresses = Integer.parseInt(options.getOrDefault("--congresses", "10000"));
        String phases = options.getOrDefault("--phases", "e2e,parse,rules,insert,http");
        Path data = work.resolve("data-" + nominees + "-" + congresses);
        if (!Files.exists(data.resolve("nominees.csv"))) {
            say("generating " + nominees + " nominees in " + congresses + " congresses into " + data);
            GenerateCommand.generate(nominees, congresses, 1, data);
        }
        report.add("# SlateCheck benchmark");
        report.add("");
        report.add("Machine: " + threads + " cores, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", benchmark JVM max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB. Data: " + nominees + " nominees in "
                + congresses + " congresses (generate --seed 1).");
        report.add("");
        report.add("| phase | figure | detail |");
        report.add("|---|---|---|");
        if (phases.contains("e2e")) {
            endToEnd(data);
        }
        if (phases.contains("parse")) {
            parseOnly(data);
        }
        if (phases.contains("rules")) {
            // --rules-rounds N: the phase N times in this JVM, only the last reported (the earlier rounds warm the
            // JIT up; short runs otherwise measure mostly the interpreter, which favours neither side predictably).
            int rounds = Integer.parseInt(options.getOrDefault("--rules-rounds", "1"));
            for (int round = 1; round <= rounds; round++) {
                int rows = report.size();
                rulesAlone(data);
                if (round < rounds) {
                    say("rules alone: round " + round + " of " + rounds + " (warm-up, not reported)");
                    report.subList(rows, report.size()).clear();
                }
            }
        }
        if (phases.contains("insert")) {
            insertOnly(data);
        }
        if (phases.contains("http")) {
            http(data);
        }
        RatioGuard.Run ratios = ratios(nominees, congresses);
        List<String> falls = List.of();
        if (options.containsKey("--compare")) {
            Path file = Path.of(options.get("--compare")).toAbsolutePath();
            RatioGuard.Run before = RatioGuard.reference(RatioGuard.read(file), ratios);
            if (before == null) {
                report.add("");
                report.add("No recorded run in " + file + " to compare with.");
            } else {
                falls = RatioGuard.falls(before, ratios);
                report.add("");
                report.add("Compared with the run of " + before.date() + " (" + before.commit() + ", "
                        + before.nominees() + " nominees) in " + file + ": " + (falls.isEmpty()
                        ? "no ratio fell by more than 20 %." : "FALL: " + String.join("; ", falls)));
            }
        }
        if (options.containsKey("--record")) {
            Path file = Path.of(options.get("--record")).toAbsolutePath();
            RatioGuard.record(file, ratios);
            report.add("");
            report.add("Ratios recorded in " + file + ": " + ratios.figures());
        }
        Files.createDirectories(work);
        Files.write(work.resolve("report.md"), report, StandardCharsets.UTF_8);
        System.out.println();
        report.forEach(System.out::println);
        return falls.isEmpty() ? 0 : 1;
    }

    /**
     * The ratio figures of this run (issue 20), each from phases measured in this run only: Drools / baseline
     * rules-alone throughput; batch end to end (its own time, without JVM and database start) / (parse-only +
     * baseline rules-alone on both cores) of the same data; service nominees/s / Drools rules-alone nominees/s.
     */
    private RatioGuard.Run ratios(long nominees, int congresses) {
        Map<RatioGuard.Figure, Double> figures = new LinkedHashMap<>();
        Double drools = measured.get("drools");
        Double baseline = measured.get("baseline");
        if (drools != null && baseline != null) {
            figures.put(RatioGuard.Figure.DROOLS_BASELINE, baseline / drools);
        }
        if (measured.containsKey("batch") && measured.containsKey("parse") && baseline != null) {
            figures.put(RatioGuard.Figure.BATCH_FLOOR, measured.get("batch")
                    / (measured.get("parse") + baseline / threads));
        }
        if (measured.containsKey("service") && drools != null) {
            figures.put(RatioGuard.Figure.SERVICE_RULES, measured.get("service") / (nominees / (drools / threads)));
        }
        report.add("");
        report.add("Ratio figures of this run: " + figures);
        return new RatioGuard.Run(java.time.LocalDate.now().toString(), commit(), nominees, congresses, figures);
    }

    /** The short id of the checked-out commit (with {@code +} when the tree has changes), or "unknown". */
    private static String commit() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty=+").redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && !out.isEmpty() ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    // ---- end to end -------------------------------------------------------------------------------------------

    private void endToEnd(Path data) throws Exception {
        Path db = work.resolve("e2e-db");
        deleteTree(db);
        String heap = "-Xmx" + options.getOrDefault("--batch-heap", "2g");
        List<String> command = new ArrayList<>(List.of(java(), heap));
        String batchJvm = options.getOrDefault("--batch-jvm", "");
        if (!batchJvm.isBlank()) {
            command.addAll(List.of(batchJvm.split(" ")));
        }
        command.addAll(List.of("-Dslatecheck.data-dir=" + db, "-jar", jar().toString(),
                "batch", "--congresses", data.resolve("congresses.csv").toString(), "--nominees",
                data.resolve("nominees.csv").toString(), "--id", "bench-" + System.currentTimeMillis()));
        say("end to end: " + String.join(" ", command));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectError(work.resolve("e2e.err").toFile()).start();
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String out = all.lines().filter(l -> l.startsWith("batch ")).reduce((a, b) -> b).orElse(all);
        int exit = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("batch exited " + exit + ": see " + work.resolve("e2e.err"));
        }
        say(out);
        java.util.regex.Matcher own = java.util.regex.Pattern.compile("(\\d+) ms \\(reading").matcher(out);
        measured.put("batch", own.find() ? Long.parseLong(own.group(1)) / 1e3 : wall);
        row("end to end (child JVM, " + heap + ", incl. JVM + embedded DB start)", String.format(Locale.ROOT, "%.1f s",
                wall), out.replace("|", "/"));
    }

    // ---- parse only -------------------------------------------------------------------------------------------

    private void parseOnly(Path data) throws Exception {
        Intake.Congresses read = readCongresses(data);
        long rows = 0;
        long valid = 0;
        long t0 = System.nanoTime();
        try (InputStream in = Files.newInputStream(data.resolve("nominees.csv"));
                CsvStream stream = new CsvStream("nominees.csv", in, Columns.NOMINEE, Columns.NOMINEE_REQUIRED)) {
            for (Row row : stream) {
                rows++;
                String cid = row.text("congress_id");
                if (read.byId().containsKey(cid) && NomineeReader.read(row, cid) != null) {
                    valid++;
                }
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (valid != rows) {
            throw new IllegalStateException((rows - valid) + " generated rows did not read");
        }
        measured.put("parse", s);
        row("parse only (CSV + validation, 1 thread)", rate(rows, s) + " rows/s",
                String.format(Locale.ROOT, "%,d rows in %.1f s", rows, s));
    }

    // ---- rules alone ------------------------------------------------------------------------------------------

    private void rulesAlone(Path data) throws Exception {
        Intake.Congresses read = readCongresses(data);
        RULES.terms().forEach(RULES::ruleSet);
        Path dir = work.resolve("rules-spill");
        int partitions = spill(data, read, dir);
        AtomicLong droolsNanos = new AtomicLong();
        AtomicLong baselineNanos = new AtomicLong();
        // CPU time of the screening threads as well: on a shared machine the wall clock of a call includes the time
        // its thread waited for a core, the CPU time much less so (issue 20, "Less work per nominee").
        AtomicLong droolsCpu = new AtomicLong();
        AtomicLong baselineCpu = new AtomicLong();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        AtomicLong lists = new AtomicLong();
        AtomicLong nominees = new AtomicLong();
        AtomicLong findings = new AtomicLong();
        List<String> differences = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            for (int p = 0; p < partitions; p++) {
                List<Future<?>> futures = new ArrayList<>();
                for (List<Nominee> list : lists(dir, p)) {
                    futures.add(pool.submit(() -> {
                        Congress c = read.byId().get(list.get(0).getCongressId());
                        var ruleSet = RULES.ruleSet(c.getTerm());
                        // Alternate the order so neither engine always runs on a warmer cache.
                        boolean droolsFirst = (lists.get() & 1) == 0;
                        ScreeningResult drools = null;
                        ScreeningResult baseline = null;
                        for (int round = 0; round < 2; round++) {
                            long s = System.nanoTime();
                            long sc = cpu.getCurrentThreadCpuTime();
                            if ((round == 0) == droolsFirst) {
                                drools = Screening.screen(ruleSet, c, list);
                                droolsNanos.addAndGet(System.nanoTime() - s);
                                droolsCpu.addAndGet(cpu.getCurrentThreadCpuTime() - sc);
                            } else {
                                baseline = Baseline.screen(ruleSet, c, list);
                                baselineNanos.addAndGet(System.nanoTime() - s);
                                baselineCpu.addAndGet(cpu.getCurrentThreadCpuTime() - sc);
                            }
                        }
                        String diff = BaselineComparison.difference(drools, baseline);
                        if (diff != null && differences.size() < 20) {
                            differences.add(c.getId() + ": " + diff);
                        }
                        lists.incrementAndGet();
                        nominees.addAndGet(list.size());
                        findings.addAndGet(drools.listFindings().size()
                                + drools.nominees().stream().mapToLong(n -> n.findings().size()).sum());
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            }
        } finally {
            pool.shutdown();
            deleteTree(dir);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (!differences.isEmpty()) {
            differences.forEach(d -> say("DIFFERENCE " + d));
            throw new IllegalStateException(differences.size() + " lists differ between Drools and the baseline");
        }
        double drools = droolsNanos.get() / 1e9;
        double baseline = baselineNanos.get() / 1e9;
        measured.put("drools", drools);
        measured.put("baseline", baseline);
        String counts = String.format(Locale.ROOT, "%,d lists, %,d nominees, %,d findings, identical", lists.get(),
                nominees.get(), findings.get());
        row("rules alone: Drools (" + threads + " threads)", rate(nominees.get(), drools / threads)
                + " nominees/s", String.format(Locale.ROOT, "%.1f thread-s; %s", drools, counts));
        row("rules alone: hand-written baseline", rate(nominees.get(), baseline / threads) + " nominees/s",
                String.format(Locale.ROOT, "%.1f thread-s", baseline));
        row("rules alone: Drools / baseline throughput", String.format(Locale.ROOT, "%.2f", baseline / drools),
                String.format(Locale.ROOT, "target >= 0.5; both in one run of %.0f s", wall));
        row("rules alone: Drools / baseline CPU time", String.format(Locale.ROOT, "%.2f",
                (double) baselineCpu.get() / droolsCpu.get()), String.format(Locale.ROOT,
                "CPU time of the screening threads: Drools %.1f s, baseline %.1f s", droolsCpu.get() / 1e9,
                baselineCpu.get() / 1e9));
    }

    // ---- insert only ------------------------------------------------------------------------------------------

    private void insertOnly(Path data) throws Exception {
        long limit = Long.parseLong(options.getOrDefault("--insert-nominees", "200000"));
        Intake.Congresses read = readCongresses(data);
        Path dir = work.resolve("insert-spill");
        int partitions = spill(data, read, dir);
        Path db = work.resolve("insert-db");
        deleteTree(db);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SlateCheckApplication.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("slatecheck.data-dir=" + db).run()) {
            CheckRecords records = ctx.getBean(CheckRecords.class);
            java.util.UUID checkId = java.util.UUID.randomUUID();
            records.createBatchRun(checkId, "bench", org.slatecheck.governance.OrgUnits.ROOT, "congresses.csv", "nominees.csv", "0".repeat(64),
                    "0".repeat(64));
            long stored = 0;
            long rows = 0;
            long nanos = 0;
            int position = 0;
            for (int p = 0; p < partitions && stored < limit; p++) {
                List<CheckRecords.PreparedList> group = new ArrayList<>();
                for (List<Nominee> list : lists(dir, p)) {
                    if (stored >= limit) {
                        break;
                    }
                    Congress c = read.byId().get(list.get(0).getCongressId());
                    ScreeningResult r = Checker.screen(RULES, c, list);
                    group.add(CheckRecords.prepare(position++, r));
                    stored += list.size();
                    rows += 1 + list.size() + r.listFindings().size()
                            + r.nominees().stream().mapToLong(n -> n.findings().size()).sum();
                    if (group.size() == 64) {
                        nanos += store(records, checkId, group);
                    }
                }
                nanos += store(records, checkId, group);
            }
            double s = nanos / 1e9;
            row("insert only (COPY, 1 writer, rendering not timed)", rate(stored, s) + " nominees/s",
                    String.format(Locale.ROOT, "%,d nominees = %,d rows (lists, outcomes, findings) in %.1f s; %s rows/s",
                            stored, rows, s, rate(rows, s)));
        } finally {
            deleteTree(dir);
        }
    }

    private static long store(CheckRecords records, java.util.UUID checkId, List<CheckRecords.PreparedList> group) {
        long t0 = System.nanoTime();
        records.storeLists(checkId, group);
        group.clear();
        return System.nanoTime() - t0;
    }

    // ---- service over HTTP ------------------------------------------------------------------------------------

    private void http(Path data) throws Exception {
        int clients = Integer.parseInt(options.getOrDefault("--clients", "4"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "30"));
        int port = Integer.parseInt(options.getOrDefault("--port", "18089"));
        List<byte[]> bodies = hundredNomineeUploads(data, 20);
        Path db = work.resolve("http-db");
        deleteTree(db);
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g", "-Dslatecheck.data-dir=" + db));
        String appJvm = options.getOrDefault("--app-jvm", "");
        if (!appJvm.isBlank()) {
            command.addAll(List.of(appJvm.split(" ")));
        }
        command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port, "--spring.profiles.active=demo"));
        Process app = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("http-app.log").toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new java.net.CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/checks");
            waitUntilUp(client, uri, app);
            // The demo users are made by an ApplicationRunner, before the ready line (ReadyLine) is logged: a token
            // asked for before it would fail the sign-in (and count towards the sign-in limiter).
            waitForReadyLine(work.resolve("http-app.log"), port, app);
            // Signed in as API clients are (issue 20): a bearer token the administrator issued for the demo
            // subcommittee user, one SHA-256 per request; --auth basic signs in with HTTP Basic instead.
            String authorization = "basic".equals(options.get("--auth")) ? BASIC
                    : "Bearer " + token(client, URI.create("http://127.0.0.1:" + port + "/api/tokens"));
            // Warm-up: every body once, then a few seconds of load, not counted.
            load(client, uri, authorization, bodies, clients, 5);
            List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicLong failures = new AtomicLong();
            long t0 = System.nanoTime();
            List<Long> measured = load(client, uri, authorization, bodies, clients, seconds);
            double s = (System.nanoTime() - t0) / 1e9;
            latencies.addAll(measured.stream().filter(x -> x >= 0).toList());
            failures.set(measured.stream().filter(x -> x < 0).count());
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            this.measured.put("service", sorted.length * 100 / s);
            row("service: POST /api/checks, 100-nominee lists, " + clients + " clients",
                    String.format(Locale.ROOT, "%.0f lists/s", sorted.length / s),
                    String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms; %,d requests, %d failed, %d s",
                            pct(sorted, 50), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                            sorted.length, failures.get(), seconds));
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    /** Runs {@code clients} closed-loop clients for {@code seconds}; latency in ns per request, −1 for a failure. */
    private static List<Long> load(HttpClient client, URI uri, String authorization, List<byte[]> bodies,
            int clients, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int first = c;
            futures.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = first; System.nanoTime() < end; i += clients) {
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Authorization", authorization)
                            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i % bodies.size()))).build();
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        mine.add(r.statusCode() == 201 ? System.nanoTime() - s : -1L);
                    } catch (IOException e) {
                        mine.add(-1L);
                    }
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all;
    }

    /** A bearer token for the demo subcommittee user, issued by the demo administrator ({@code POST /api/tokens}). */
    private static String token(HttpClient client, URI tokens) throws Exception {
        String admin = "Basic " + java.util.Base64.getEncoder()
                .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(tokens).header("Authorization", admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"subcommittee\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("no API token: HTTP " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    private static final String BOUNDARY = "slatecheck-bench-boundary";
    private static final String BASIC = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("subcommittee:subcommittee".getBytes(StandardCharsets.UTF_8));

    /** Multipart uploads of {@code count} different congresses of the data set, each cut to 100 nominees. */
    private static List<byte[]> hundredNomineeUploads(Path data, int count) throws IOException {
        List<String> congressLines = Files.readAllLines(data.resolve("congresses.csv"), StandardCharsets.UTF_8);
        Map<String, String> congressRow = new LinkedHashMap<>();
        for (String line : congressLines.subList(1, congressLines.size())) {
            congressRow.put(line.substring(0, line.indexOf(',')), line);
        }
        Map<String, List<String>> rows = new LinkedHashMap<>();
        String header;
        try (var lines = Files.lines(data.resolve("nominees.csv"), StandardCharsets.UTF_8)) {
            var it = lines.iterator();
            header = it.next();
            int idColumn = Arrays.asList(header.split(",")).indexOf("congress_id");
            while (it.hasNext() && rows.values().stream().filter(l -> l.size() >= 100).count() < count) {
                String line = it.next();
                // Generated rows hold no quoted commas before congress_id (the first column).
                String cid = line.split(",", idColumn + 2)[idColumn];
                rows.computeIfAbsent(cid, k -> new ArrayList<>()).add(line);
            }
        }
        List<byte[]> bodies = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : rows.entrySet()) {
            if (e.getValue().size() < 100 || bodies.size() == count) {
                continue;
            }
            String congresses = congressLines.get(0) + "\n" + congressRow.get(e.getKey()) + "\n";
            String nominees = header + "\n" + String.join("\n", e.getValue().subList(0, 100)) + "\n";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            part(body, "congresses", "congresses.csv", congresses);
            part(body, "nominees", "nominees.csv", nominees);
            body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            bodies.add(body.toByteArray());
        }
        if (bodies.size() < count) {
            throw new IllegalStateException("the data set has fewer than " + count + " lists of 100 nominees");
        }
        return bodies;
    }

    private static void part(ByteArrayOutputStream body, String name, String file, String content) {
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + file + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void waitUntilUp(HttpClient client, URI uri, Process app) throws Exception {
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited " + app.exitValue());
            }
            try {
                client.send(HttpRequest.newBuilder(uri).header("Authorization", BASIC).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the app did not start within 120 s");
    }

    private static void waitForReadyLine(Path log, int port, Process app) throws Exception {
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited " + app.exitValue());
            }
            if (Files.exists(log) && Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .anyMatch(l -> l.contains("ReadyLine") && l.contains(":" + port))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the app did not log its ready line within 120 s");
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    private static Intake.Congresses readCongresses(Path data) throws IOException {
        Intake.Congresses read = Intake.congresses(new Intake.Input("congresses.csv",
                Files.readAllBytes(data.resolve("congresses.csv"))), RULES);
        if (!read.errors().isEmpty()) {
            throw new IllegalStateException("generated congresses do not read: " + read.errors().get(0));
        }
        return read;
    }

    /** Spills the nominees into partitions of whole lists (as the batch does) and returns the partition count. */
    private int spill(Path data, Intake.Congresses read, Path dir) throws IOException {
        deleteTree(dir);
        Files.createDirectories(dir);
        int partitions = 64;
        try (InputStream in = Files.newInputStream(data.resolve("nominees.csv"));
                CsvStream stream = new CsvStream("nominees.csv", in, Columns.NOMINEE, Columns.NOMINEE_REQUIRED);
                Spill spill = new Spill(dir, partitions)) {
            Spill.Chunk chunk = spill.chunk();
            int n = 0;
            for (Row row : stream) {
                String cid = row.text("congress_id");
                Nominee nominee = read.byId().containsKey(cid) ? NomineeReader.read(row, cid) : null;
                if (nominee == null) {
                    throw new IllegalStateException("generated row at line " + row.line() + " does not read");
                }
                chunk.add(row.line(), nominee);
                if (++n % 10_000 == 0) {
                    chunk.flush();
                    chunk = spill.chunk();
                }
            }
            chunk.flush();
        }
        return partitions;
    }

    /** The lists of partition {@code p}, each in file order. */
    private static List<List<Nominee>> lists(Path dir, int p) throws IOException {
        Map<String, List<Spill.Spilled>> byCongress = new LinkedHashMap<>();
        for (Spill.Spilled s : Spill.read(dir, p)) {
            byCongress.computeIfAbsent(s.nominee().getCongressId(), k -> new ArrayList<>()).add(s);
        }
        List<List<Nominee>> lists = new ArrayList<>();
        for (List<Spill.Spilled> rows : byCongress.values()) {
            rows.sort(Comparator.comparingLong(Spill.Spilled::line));
            lists.add(rows.stream().map(Spill.Spilled::nominee).toList());
        }
        return lists;
    }

    private static Path jar() {
        Path jar = Path.of("target", "slatecheck.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the benchmark through Maven (package first)");
        }
        return jar;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void row(String phase, String figure, String detail) {
        String line = "| " + phase + " | " + figure + " | " + detail + " |";
        report.add(line);
        say(line);
    }

    private static String rate(long count, double seconds) {
        return String.format(Locale.ROOT, "%,.0f", count / Math.max(1e-9, seconds));
    }

    private static void say(String s) {
        System.out.println("[bench " + ManagementFactory.getRuntimeMXBean().getUptime() / 1000 + " s] " + s);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
