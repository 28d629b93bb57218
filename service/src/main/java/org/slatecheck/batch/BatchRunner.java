package org.slatecheck.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slatecheck.records.CheckRecords;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.intake.Columns;
import org.slatecheck.rules.intake.CsvStream;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.screening.Checker;
import org.slatecheck.rules.intake.InputError;
import org.slatecheck.rules.intake.InputException;
import org.slatecheck.rules.intake.NomineeReader;
import org.slatecheck.rules.intake.Row;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;
import org.springframework.stereotype.Service;

/**
 * A batch: every list of a congresses file and a (large) nominees file. The nominees file is streamed twice to
 * validate and to spill rows into partition files by congress (bounded memory), then lists are screened in parallel
 * and each is stored in its own transaction into the same records as a web check. Input errors are found before
 * anything is stored. Restarted with the same id, a batch skips the lists already stored, so a killed run finishes
 * with exactly the result of an uninterrupted one.
 */
@Service
public class BatchRunner {
    /** Most errors reported for one batch; the count says how many there were in all. */
    static final int MAX_ERRORS = 1000;
    private static final CSVFormat SPILL = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final CheckRecords records;

    public BatchRunner(CheckRecords records) {
        this.records = records;
    }

    /** What a batch did. */
    public record Outcome(String id, UUID checkId, int lists, long nominees, int skipped, long millis) {
    }

    /** Progress of the evaluation: lists done of total, nominees done. */
    public record Progress(int listsDone, int listsTotal, long nomineesDone, long nomineesTotal, long elapsedMillis) {
    }

    /** The check run id a batch id stores into: the same for every restart. */
    public static UUID checkId(String batchId) {
        return UUID.nameUUIDFromBytes(("slatecheck-batch:" + batchId).getBytes(StandardCharsets.UTF_8));
    }

    public Outcome run(String id, Path congressesFile, Path nomineesFile, Path workDir, int threads,
            Consumer<Progress> progress) throws IOException {
        return run(id, congressesFile, nomineesFile, workDir, threads, progress, () -> false);
    }

    /**
     * Runs (or resumes) batch {@code id}. {@code cancelled} is asked between lists: a cancelled batch stops storing,
     * keeps the lists already stored (each whole) and ends CANCELLED; running it again with the same id resumes.
     */
    public Outcome run(String id, Path congressesFile, Path nomineesFile, Path workDir, int threads,
            Consumer<Progress> progress, java.util.function.BooleanSupplier cancelled) throws IOException {
        long start = System.currentTimeMillis();
        String congressesSha = sha256(congressesFile);
        String nomineesSha = sha256(nomineesFile);
        checkSameInputs(id, congressesSha, nomineesSha);

        List<InputError> errors = new ArrayList<>();
        long[] errorCount = {0};
        Intake.Congresses read = Intake.congresses(new Intake.Input(congressesFile.getFileName().toString(),
                Files.readAllBytes(congressesFile)), Checker::parameters);
        add(errors, errorCount, read.errors());
        Map<String, Congress> congresses = read.byId();
        Map<String, Long> congressLine = read.lines();
        Map<String, Integer> position = new HashMap<>();
        for (String cid : congresses.keySet()) {
            position.put(cid, position.size());
        }

        // Pass 1: validate every nominee row and spill it to the partition of its congress.
        String nomineesName = nomineesFile.getFileName().toString();
        Path dir = Files.createDirectories(workDir.resolve("batch-" + id.replaceAll("[^A-Za-z0-9_-]", "_")));
        int partitions = Math.max(8, (int) Math.min(512, Files.size(nomineesFile) / 4_000_000));
        List<String> columns = new ArrayList<>(Columns.NOMINEE.keySet());
        Map<String, Long> counts = new HashMap<>();
        CSVPrinter[] spill = new CSVPrinter[partitions];
        try (InputStream in = Files.newInputStream(nomineesFile);
                CsvStream stream = new CsvStream(nomineesName, in, Columns.NOMINEE, Columns.NOMINEE_REQUIRED)) {
            add(errors, errorCount, stream.errors());
            boolean several = congressLine.size() > 1;
            if (several && stream.errors().isEmpty() && !stream.hasColumn("congress_id")) {
                add(errors, errorCount, List.of(InputError.of(nomineesName, 1, "congress_id", "header_missing",
                        "congress_id", Columns.NOMINEE.get("congress_id"))));
            }
            if (errors.isEmpty()) {
                for (int p = 0; p < partitions; p++) {
                    spill[p] = new CSVPrinter(Files.newBufferedWriter(dir.resolve("part-" + p + ".csv"),
                            StandardCharsets.UTF_8), SPILL);
                }
                String only = congressLine.size() == 1 ? congressLine.keySet().iterator().next() : null;
                for (Row row : stream) {
                    String cid = row.text("congress_id");
                    if (cid == null && only != null) {
                        cid = only;
                    } else if (cid == null) {
                        row.error("congress_id", "required");
                    } else if (!congressLine.containsKey(cid)) {
                        row.error("congress_id", "congress_unknown", cid, congressesFile.getFileName());
                        cid = null;
                    }
                    NomineeReader.read(row, cid);
                    add(errors, errorCount, row.errors());
                    if (cid != null) {
                        counts.merge(cid, 1L, Long::sum);
                    }
                    if (cid != null && errorCount[0] == 0) {
                        List<Object> record = new ArrayList<>(columns.size() + 2);
                        record.add(cid);
                        record.add(row.line());
                        for (String c : columns) {
                            String v = row.text(c);
                            record.add(v == null ? "" : v);
                        }
                        spill[Math.floorMod(cid.hashCode(), partitions)].printRecord(record);
                    }
                }
            }
        } finally {
            for (CSVPrinter p : spill) {
                if (p != null) {
                    p.close();
                }
            }
        }
        boolean readable = spill[0] != null;
        if (readable) {
            for (Map.Entry<String, Long> e : congressLine.entrySet()) {
                if (!counts.containsKey(e.getKey())) {
                    add(errors, errorCount, List.of(InputError.of(congressesFile.getFileName().toString(),
                            e.getValue(), "congress_id", "congress_empty", e.getKey(), nomineesName)));
                }
            }
        }
        // Pass 2: duplicate nominee ids within a congress, one partition at a time.
        if (errorCount[0] == 0) {
            for (int p = 0; p < partitions; p++) {
                Map<String, Map<String, Long>> seen = new HashMap<>();
                for (CSVRecord r : readPartition(dir, p)) {
                    String nid = r.get(2 + columns.indexOf("nominee_id"));
                    long line = Long.parseLong(r.get(1));
                    Long first = seen.computeIfAbsent(r.get(0), k -> new HashMap<>()).putIfAbsent(nid, line);
                    if (first != null) {
                        add(errors, errorCount, List.of(InputError.of(nomineesName, line, "nominee_id",
                                "nominee_twice", nid, first)));
                    }
                }
            }
        }
        if (errorCount[0] > 0) {
            deleteQuietly(dir);
            errors.sort(Comparator.comparing((InputError e) -> !e.file().equals(congressesFile.getFileName()
                    .toString())).thenComparingLong(InputError::line));
            throw new InputException(errors);
        }

        // Pass 3: screen and store, partition by partition, lists in parallel.
        UUID checkId = checkId(id);
        long nomineesTotal = counts.values().stream().mapToLong(Long::longValue).sum();
        records.createBatchRun(checkId, "batch:" + id, congressesFile.getFileName().toString(), nomineesName,
                congressesSha, nomineesSha);
        upsertBatch(id, checkId, "RUNNING", congressesSha, nomineesSha, congresses.size(), nomineesTotal);
        Set<String> stored = records.storedCongresses(checkId);
        AtomicLong listsDone = new AtomicLong(stored.size());
        AtomicLong nomineesDone = new AtomicLong(stored.stream().mapToLong(c -> counts.getOrDefault(c, 0L)).sum());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            for (int p = 0; p < partitions; p++) {
                Map<String, List<CSVRecord>> lists = new LinkedHashMap<>();
                for (CSVRecord r : readPartition(dir, p)) {
                    if (!stored.contains(r.get(0))) {
                        lists.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(r);
                    }
                }
                List<Future<?>> futures = new ArrayList<>();
                for (Map.Entry<String, List<CSVRecord>> e : lists.entrySet()) {
                    futures.add(pool.submit(() -> {
                        if (cancelled.getAsBoolean()) {
                            return null;
                        }
                        Congress c = congresses.get(e.getKey());
                        List<Nominee> nominees = new ArrayList<>(e.getValue().size());
                        for (CSVRecord r : e.getValue()) {
                            nominees.add(toNominee(nomineesName, r, columns, c.getId()));
                        }
                        ScreeningResult result = Screening.screen(RuleSets.shipped(c.getTerm()), c, nominees);
                        records.storeList(checkId, position.get(c.getId()), result);
                        listsDone.incrementAndGet();
                        nomineesDone.addAndGet(nominees.size());
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                progress.accept(new Progress((int) listsDone.get(), congresses.size(), nomineesDone.get(),
                        nomineesTotal, System.currentTimeMillis() - start));
                if (cancelled.getAsBoolean()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("batch failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        records.summarise(checkId);
        upsertBatch(id, checkId, cancelled.getAsBoolean() ? "CANCELLED" : "DONE", congressesSha, nomineesSha,
                congresses.size(), nomineesTotal);
        deleteQuietly(dir);
        return new Outcome(id, checkId, congresses.size(), nomineesTotal, stored.size(),
                System.currentTimeMillis() - start);
    }

    private static Nominee toNominee(String file, CSVRecord r, List<String> columns, String congressId) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), r.get(i + 2));
        }
        Map<String, String> written = new LinkedHashMap<>();
        columns.forEach(c -> written.put(c, c));
        Row row = new Row(file, Long.parseLong(r.get(1)), values, written);
        Nominee n = NomineeReader.read(row, congressId);
        if (n == null) {
            throw new IllegalStateException("a validated row no longer reads at line " + row.line());
        }
        return n;
    }

    private static List<CSVRecord> readPartition(Path dir, int p) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(dir.resolve("part-" + p + ".csv"), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(r, SPILL)) {
            return parser.getRecords();
        }
    }

    private void checkSameInputs(String id, String congressesSha, String nomineesSha) {
        List<Map<String, Object>> rows = records.jdbc().queryForList(
                "select congresses_sha256, nominees_sha256 from batch_run where id = ?", id);
        if (!rows.isEmpty() && (!congressesSha.equals(rows.get(0).get("congresses_sha256"))
                || !nomineesSha.equals(rows.get(0).get("nominees_sha256")))) {
            throw new IllegalArgumentException("batch " + id + " was started with other input files");
        }
    }

    private void upsertBatch(String id, UUID checkId, String status, String cSha, String nSha, int lists,
            long nominees) {
        Timestamp now = Timestamp.from(Instant.now());
        records.jdbc().update("insert into batch_run (id, check_id, status, created_at, updated_at, congresses_sha256, "
                + "nominees_sha256, lists_total, nominees_total) values (?,?,?,?,?,?,?,?,?) on conflict (id) do update "
                + "set status = excluded.status, updated_at = excluded.updated_at", id, checkId, status, now, now, cSha,
                nSha, lists, nominees);
    }

    private static void add(List<InputError> errors, long[] count, List<InputError> more) {
        for (InputError e : more) {
            count[0]++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(e);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException | UncheckedIOException e) {
            // Spill files are only a cache of the input; leftovers are overwritten by the next run.
        }
    }
}
