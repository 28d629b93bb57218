package org.slatecheck.batch;

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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.slatecheck.records.CheckRecords;
import org.slatecheck.screening.Checker;
import org.slatecheck.rules.engine.EvaluationLimitException;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.intake.Columns;
import org.slatecheck.rules.intake.CsvStream;
import org.slatecheck.rules.intake.InputException;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.rules.intake.NomineeRows;
import org.slatecheck.rules.intake.Row;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;
import org.springframework.stereotype.Service;

/**
 * A batch: every list of a congresses file and a (large) nominees file, screened under one rule set snapshot. The
 * nominees file is read once, by the intake's code that interactive checks use (same errors for the same file): rows
 * are validated in parallel chunks and spilled in binary form to partition files by congress (bounded memory); then each
 * partition's lists are screened in parallel and one writer stores them with COPY, a group of lists per transaction,
 * into the same records as a web check. Input errors are found before anything is stored. Restarted with the same
 * id, a batch skips the lists already stored, so a killed run finishes with exactly the result of an uninterrupted
 * one. A list that an evaluation guard stops ({@link EvaluationLimitException}) fails alone: it is recorded in
 * {@code batch_list_failure} with the reason and the batch goes on with the other lists (issue 11).
 */
@Service
public class BatchRunner {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BatchRunner.class);
    /** Most errors reported for one batch; the count says how many there were in all. */
    static final int MAX_ERRORS = 1000;
    /** Rows validated per task in pass 1. */
    private static final int CHUNK = 2000;
    /** Most lists stored in one transaction. */
    private static final int GROUP = 64;

    private final CheckRecords records;
    private final org.slatecheck.governance.RuleSetCache ruleSets;

    public BatchRunner(CheckRecords records, org.slatecheck.governance.RuleSetCache ruleSets) {
        this.records = records;
        this.ruleSets = ruleSets;
    }

    /** What a batch did; {@code readMillis} is the part spent reading, validating and partitioning the input. */
    public record Outcome(String id, UUID checkId, int lists, long nominees, int skipped, long millis, long readMillis,
            List<ListFailure> failures) {
    }

    /**
     * A list that could not be checked: its congress id, the message key of the reason ({@code evaluation.limit_*},
     * whose arguments are the congress id and {@code detail}) and the limit that was exceeded.
     */
    public record ListFailure(int position, String congressId, String reasonKey, String detail) {
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
        return run(id, congressesFile, nomineesFile, workDir, threads, progress, cancelled, "batch:" + id,
                org.slatecheck.governance.OrgUnits.ROOT);
    }

    /**
     * The folder name of batch {@code id} inside a work folder: the SHA-256 of the id, so two ids never share one
     * (a sanitised name would: {@code a.b} and {@code a_b}).
     */
    public static String folder(String id) {
        return sha256Hex(id.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs (or resumes) batch {@code id} as {@link #run(String, Path, Path, Path, int, Consumer,
     * java.util.function.BooleanSupplier)}, recording its check run as made by {@code user} for organisation unit
     * {@code unit}.
     */
    public Outcome run(String id, Path congressesFile, Path nomineesFile, Path workDir, int threads,
            Consumer<Progress> progress, java.util.function.BooleanSupplier cancelled, String user, String unit)
            throws IOException {
        return run(id, congressesFile, nomineesFile, workDir, threads, progress, cancelled, user, unit, null);
    }

    /**
     * Runs batch {@code id} as above, its partitions shared with other instances through {@code claims} (null: this
     * run does them all, the command line): only the partitions it claims are screened here, lists already stored
     * are skipped whoever stored them, and the run that finds every partition done summarises the batch and ends it
     * DONE; a run that finds partitions still worked on elsewhere leaves the batch RUNNING to them.
     */
    public Outcome run(String id, Path congressesFile, Path nomineesFile, Path workDir, int threads,
            Consumer<Progress> progress, java.util.function.BooleanSupplier cancelled, String user, String unit,
            BatchClaims claims) throws IOException {
        long start = System.currentTimeMillis();
        // The active rule set versions as of the start: the whole batch uses them, whatever is activated meanwhile.
        // A resumed batch keeps the versions its stored lists used, so it ends as an uninterrupted run would.
        // A batch stored before ids were per unit keeps its check run under its new id.
        UUID checkId = records.jdbc().queryForList("select check_id from batch_run where id = ?", UUID.class, id)
                .stream().findFirst().orElseGet(() -> checkId(id));
        RuleSetSnapshot snapshot = (claims == null ? ruleSets.snapshot() : pinned(id, ruleSets.snapshot()))
                .withCompiled(ruleSets.usedBy(checkId).values());
        // The rules compile (once per JVM) while the input is read and validated.
        snapshot.compileInBackground("batch-rule-compile");
        String congressesSha = sha256(congressesFile);
        String nomineesSha = sha256(nomineesFile);
        checkSameInputs(id, congressesSha, nomineesSha);

        // The input is read by the intake's code, as an interactive check reads it (Intake.congresses, NomineeRows,
        // NomineeReader), only streamed: the same file gives the same errors either way.
        String congressesName = congressesFile.getFileName().toString();
        Errors errors = new Errors(MAX_ERRORS, congressesName);
        Intake.Congresses read = Intake.congresses(new Intake.Input(congressesName, Files.readAllBytes(congressesFile)),
                snapshot);
        errors.addAll(read.errors());
        // The warnings a check of the same files gives (docs/specification.md section 2), in its order, stored with the batch.
        BatchWarnings warnings = new BatchWarnings();
        warnings.addAll(read.warnings());
        Map<String, Congress> congresses = read.byId();
        Map<String, Integer> position = new HashMap<>();
        for (String cid : congresses.keySet()) {
            position.put(cid, position.size());
        }

        // Pass 1: read the nominees file once; rows are read in parallel chunks and each valid nominee is spilled,
        // in binary form with its line number, to the partition file of its congress (a row with errors: its ids).
        String nomineesName = nomineesFile.getFileName().toString();
        org.slatecheck.config.PrivateFolders.create(workDir);
        Path dir = org.slatecheck.config.PrivateFolders.create(workDir.resolve("batch-" + folder(id)));
        // A workbook (.xlsx) or a UTF-16 file is streamed as the UTF-8 CSV it converts to (kept in the private work
        // folder): a batch reads what a single check reads.
        Path nomineesCsv = nomineesFile;
        byte[] head = new byte[4];
        int got;
        try (InputStream probe = Files.newInputStream(nomineesFile)) {
            got = probe.readNBytes(head, 0, 4);
        }
        if (got >= 2 && (org.slatecheck.rules.intake.XlsxReader.isXlsx(head) || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            nomineesCsv = dir.resolve("nominees-utf8.csv");
            try {
                List<org.slatecheck.rules.intake.InputWarning> sheets = new ArrayList<>();
                Intake.batchCsv(nomineesName, nomineesFile, nomineesCsv, sheets);
                warnings.addAll(sheets); // the hidden sheets skipped, before the header's warnings, as in a check
            } catch (InputException e) {
                deleteQuietly(dir);
                List<org.slatecheck.rules.intake.InputError> all = new ArrayList<>(read.errors());
                all.addAll(e.getErrors());
                throw new InputException(all);
            }
        }
        if (nomineesCsv.equals(nomineesFile)) {
            // A file in another encoding (Windows-1258, TCVN3) is the one error a check reports for it, at the same
            // line, before any row is read (it used to stop the batch in the middle of its rows).
            List<org.slatecheck.rules.intake.InputError> encoding = Intake.encodingErrors(nomineesName, nomineesFile);
            if (!encoding.isEmpty()) {
                deleteQuietly(dir);
                List<org.slatecheck.rules.intake.InputError> all = new ArrayList<>(read.errors());
                all.addAll(encoding);
                throw new InputException(all);
            }
        }
        int partitions = Math.max(8, (int) Math.min(512, Files.size(nomineesFile) / 4_000_000));
        Map<String, Long> counts = new ConcurrentHashMap<>();
        // Rows of the wrong shape make the file unreadable beyond them, as in Intake.read: only they are reported.
        Errors shapes = new Errors(MAX_ERRORS, congressesName);
        Spill spill = null;
        String nomineeIdColumn = "nominee_id";
        String relativesColumn = "relatives";
        Map<String, List<String>> absent = new LinkedHashMap<>(); // in column order, as a check tells them
        int workers = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            NomineeRows reader = null;
            try (InputStream in = Files.newInputStream(nomineesCsv);
                    CsvStream stream = new CsvStream(nomineesName, in, Columns.NOMINEE, Columns.NOMINEE_REQUIRED)) {
                errors.addAll(stream.errors());
                warnings.addAll(stream.warnings());
                reader = new NomineeRows(read, congressesName, nomineesName, stream.hasColumn("congress_id"));
                // Absent optional columns: their rules are not checked and give no findings, as in a single check.
                absent.putAll(org.slatecheck.rules.intake.ColumnRules.notChecked(stream.columns()));
                nomineeIdColumn = stream.columnName("nominee_id");
                relativesColumn = stream.columnName("relatives");
                warnings.relativesIn(nomineesName, relativesColumn);
                if (stream.errors().isEmpty()) {
                    errors.addAll(reader.headerErrors());
                }
                if (stream.errors().isEmpty() && reader.headerErrors().isEmpty()) {
                    spill = new Spill(dir, partitions);
                    Semaphore inFlight = new Semaphore(workers * 2);
                    List<Future<?>> chunks = new ArrayList<>();
                    List<Row> chunk = new ArrayList<>(CHUNK);
                    long maxRows = org.slatecheck.rules.intake.InputLimits.current().maxRowsPerBatch();
                    long rowsRead = 0;
                    for (Row row : stream) {
                        if (++rowsRead > maxRows) {
                            // Too many rows for one batch: said once, at the first row beyond; the rest is not read.
                            shapes.addAll(List.of(org.slatecheck.rules.intake.InputError.of(nomineesName, row.line(),
                                    "-", "too_many_batch_rows", maxRows)));
                            break;
                        }
                        chunk.add(row);
                        if (chunk.size() == CHUNK) {
                            chunks.add(submitChunk(pool, inFlight, chunk, reader, counts, errors, shapes, spill));
                            chunk = new ArrayList<>(CHUNK);
                        }
                    }
                    chunks.add(submitChunk(pool, inFlight, chunk, reader, counts, errors, shapes, spill));
                    for (Future<?> f : chunks) {
                        f.get();
                    }
                }
            } finally {
                if (spill != null) {
                    spill.close();
                }
            }
            if (spill != null && shapes.count() == 0) {
                // The warnings of the whole input, in the order a check gives them: the congresses file's absent
                // columns, the congresses without rows (not evaluated, not an error: docs/specification.md section 2.2), the
                // nominees file's absent columns; the unknown relatives follow, list by list, from pass 2.
                if (read.errors().isEmpty()) {
                    warnings.addAll(read.absentColumns(congressesName, snapshot));
                }
                warnings.addAll(reader.emptyCongresses(counts::containsKey));
                for (Map.Entry<String, List<String>> e : absent.entrySet()) {
                    warnings.addAll(List.of(Intake.Congresses.nomineeColumnAbsent(nomineesName, 1, e.getKey(),
                            e.getValue())));
                }
                errors.addAll(Intake.tooManyNominees(read, congressesName, counts));
                // Pass 2: nominee ids used twice within a congress, one partition at a time. Every row with both ids
                // counts (also rows with errors); the first use is the lowest line, whatever order chunks spilled in.
                for (int p = 0; p < partitions; p++) {
                    List<Spill.Spilled> rows = Spill.read(dir, p);
                    Map<String, Map<String, Long>> first = new HashMap<>();
                    for (Spill.Spilled s : rows) {
                        // Ids equal without case and invisible characters are one id (docs/specification.md section 2), as in a check.
                        first.computeIfAbsent(s.congressId(), k -> new HashMap<>()).merge(
                                org.slatecheck.rules.intake.Texts.idKey(s.nomineeId()), s.line(), Math::min);
                    }
                    Map<String, List<Spill.Spilled>> lists = new HashMap<>();
                    for (Spill.Spilled s : rows) {
                        long line = first.get(s.congressId()).get(org.slatecheck.rules.intake.Texts.idKey(
                                s.nomineeId()));
                        if (line != s.line()) {
                            errors.addAll(List.of(reader.duplicate(s.line(), nomineeIdColumn, s.nomineeId(), line)));
                        } else if (s.nominee() != null) {
                            lists.computeIfAbsent(s.congressId(), k -> new ArrayList<>()).add(s);
                        }
                    }
                    // Relative ids that name nobody on their list: told as a check tells them, whichever lists a
                    // resumed run or another instance screens (the screening resolves them again, without telling).
                    for (Map.Entry<String, List<Spill.Spilled>> e : lists.entrySet()) {
                        Integer at = position.get(e.getKey());
                        if (at == null) {
                            continue;
                        }
                        List<Spill.Spilled> list = e.getValue();
                        list.sort(Comparator.comparingLong(Spill.Spilled::line));
                        Map<Nominee, Long> lineOf = new java.util.IdentityHashMap<>();
                        List<Nominee> listed = new ArrayList<>(list.size());
                        for (Spill.Spilled s : list) {
                            listed.add(s.nominee());
                            lineOf.put(s.nominee(), s.line());
                        }
                        List<org.slatecheck.rules.intake.InputWarning> told = new ArrayList<>();
                        new org.slatecheck.rules.intake.Relatives(nomineesName, relativesColumn, told)
                                .resolve(listed, lineOf::get);
                        warnings.relatives(at, told);
                    }
                }
            }
            if (shapes.count() > 0) {
                errors = new Errors(MAX_ERRORS, congressesName);
                errors.addAll(read.errors());
                errors.addAll(shapes.sorted());
            }
            if (errors.count() > 0) {
                deleteQuietly(dir);
                throw new InputException(errors.sorted());
            }

            // Pass 3: screen the lists of each partition in parallel; one writer stores them in groups, each group in
            // its own transaction, so a list is stored whole or not at all.
            long readMillis = System.currentTimeMillis() - start;
            long nomineesTotal = counts.values().stream().mapToLong(Long::longValue).sum();
            records.createBatchRun(checkId, user, unit, congressesFile.getFileName().toString(), nomineesName,
                    congressesSha, nomineesSha);
            upsertBatch(id, checkId, "RUNNING", congressesSha, nomineesSha, congresses.size(), nomineesTotal);
            storeWarnings(id, warnings.all());
            Set<String> stored = records.storedCongresses(checkId);
            // Lists that failed in an earlier run of this batch are screened again (and recorded again if they fail).
            // Shared with other instances, that is done once when the batch is started (BatchService), not here.
            if (claims == null) {
                records.jdbc().update("delete from batch_list_failure where batch_id = ?", id);
            } else {
                claims.prepare(id, partitions);
            }
            Writer writer = new Writer(checkId, congresses.size(), nomineesTotal, stored.size(),
                    stored.stream().mapToLong(c -> counts.getOrDefault(c, 0L)).sum(), start, progress, id, claims);
            Thread writerThread = new Thread(writer, "batch-writer");
            writerThread.start();
            try {
                int next = 0;
                while (!cancelled.getAsBoolean() && writer.failure == null) {
                    int p;
                    Set<String> skip = stored;
                    if (claims == null) {
                        if (next >= partitions) {
                            break;
                        }
                        p = next++;
                    } else {
                        Integer claimed = claims.next(id);
                        if (claimed == null) {
                            break;
                        }
                        p = claimed;
                        skip = records.storedCongresses(checkId); // another instance may have stored some of them
                    }
                    Map<String, List<Spill.Spilled>> lists = new LinkedHashMap<>();
                    for (Spill.Spilled s : Spill.read(dir, p)) {
                        if (!skip.contains(s.nominee().getCongressId())) {
                            lists.computeIfAbsent(s.nominee().getCongressId(), k -> new ArrayList<>()).add(s);
                        }
                    }
                    List<Future<?>> futures = new ArrayList<>();
                    for (Map.Entry<String, List<Spill.Spilled>> e : lists.entrySet()) {
                        futures.add(pool.submit(() -> {
                            if (cancelled.getAsBoolean() || writer.failure != null) {
                                return null;
                            }
                            Congress c = congresses.get(e.getKey());
                            List<Spill.Spilled> rows = e.getValue();
                            rows.sort(Comparator.comparingLong(Spill.Spilled::line));
                            List<Nominee> listed = new ArrayList<>(rows.size());
                            rows.forEach(r -> listed.add(r.nominee()));
                            // Relatives joined to the list's ids as a check joins them (an unknown relative is left
                            // out, as the check leaves it out; its warning was collected in pass 2).
                            List<Nominee> nominees = new org.slatecheck.rules.intake.Relatives(nomineesName,
                                    "relatives", new ArrayList<>()).resolve(listed, n -> 0L);
                            Map<String, List<String>> notChecked = new LinkedHashMap<>(absent);
                            notChecked.putAll(read.notChecked(c, snapshot));
                            ScreeningResult result;
                            try {
                                result = Checker.screen(snapshot, c, nominees, notChecked);
                            } catch (EvaluationLimitException limit) {
                                // This list alone fails; nothing of it is stored, the others go on.
                                recordFailure(id, new ListFailure(position.get(c.getId()), c.getId(),
                                        limit.messageKey(), String.valueOf(limit.getValue())));
                                return null;
                            }
                            writer.queue.put(CheckRecords.prepare(position.get(c.getId()), result));
                            return null;
                        }));
                    }
                    for (Future<?> f : futures) {
                        f.get();
                    }
                    if (claims != null) {
                        writer.queue.put(Writer.marker(p)); // done once the writer has stored what came before
                    }
                }
            } finally {
                writer.queue.put(Writer.END);
                writerThread.join();
            }
            if (writer.failure != null) {
                throw new IllegalStateException("storing the batch failed", writer.failure);
            }
            if (claims != null && !cancelled.getAsBoolean() && !claims.allDone(id)) {
                // Partitions still worked on by other instances: the last of them ends the batch.
                deleteQuietly(dir);
                return new Outcome(id, checkId, congresses.size(), nomineesTotal, stored.size(),
                        System.currentTimeMillis() - start, readMillis, failures(id));
            }
            records.summarise(checkId);
            upsertBatch(id, checkId, cancelled.getAsBoolean() ? "CANCELLED" : "DONE", congressesSha, nomineesSha,
                    congresses.size(), nomineesTotal);
            deleteQuietly(dir);
            return new Outcome(id, checkId, congresses.size(), nomineesTotal, stored.size(),
                    System.currentTimeMillis() - start, readMillis, failures(id));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("batch failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Reads one chunk of rows on the pool (the intake's {@link NomineeRows}) and spills them: a valid nominee whole,
     * a row with errors only by its ids (for the duplicate check).
     */
    private static Future<?> submitChunk(ExecutorService pool, Semaphore inFlight, List<Row> rows,
            NomineeRows reader, Map<String, Long> counts, Errors errors, Errors shapes, Spill spill)
            throws InterruptedException {
        inFlight.acquire();
        return pool.submit(() -> {
            try {
                Spill.Chunk out = spill.chunk();
                for (Row row : rows) {
                    NomineeRows.Read r = reader.read(row);
                    (r.shape() ? shapes : errors).addAll(row.errors());
                    if (r.congressId() != null) {
                        counts.merge(r.congressId(), 1L, Long::sum);
                        if (r.nominee() != null) {
                            out.add(row.line(), r.nominee());
                        } else if (r.nomineeId() != null) {
                            out.addIds(row.line(), r.congressId(), r.nomineeId());
                        }
                    }
                }
                if (shapes.count() == 0) {
                    out.flush();
                }
                return null;
            } finally {
                inFlight.release();
            }
        });
    }

    /** Stores screened lists in groups, one transaction per group, and reports progress after each. */
    private final class Writer implements Runnable {
        static final CheckRecords.PreparedList END = new CheckRecords.PreparedList(-1, "", 0, "", "", "");
        final BlockingQueue<CheckRecords.PreparedList> queue = new ArrayBlockingQueue<>(256);
        volatile Throwable failure;
        private final UUID checkId;
        private final int listsTotal;
        private final long nomineesTotal;
        private int listsDone;
        private long nomineesDone;
        private final long start;
        private final Consumer<Progress> progress;
        private final String batchId;
        private final BatchClaims claims;
        private long lastReport;

        /** A mark in the queue: partition {@code p}'s lists are all queued before it. */
        static CheckRecords.PreparedList marker(int p) {
            return new CheckRecords.PreparedList(-2 - p, "", 0, "", "", "");
        }

        Writer(UUID checkId, int listsTotal, long nomineesTotal, int listsDone, long nomineesDone, long start,
                Consumer<Progress> progress, String batchId, BatchClaims claims) {
            this.batchId = batchId;
            this.claims = claims;
            this.checkId = checkId;
            this.listsTotal = listsTotal;
            this.nomineesTotal = nomineesTotal;
            this.listsDone = listsDone;
            this.nomineesDone = nomineesDone;
            this.start = start;
            this.progress = progress;
        }

        @Override
        public void run() {
            List<CheckRecords.PreparedList> group = new ArrayList<>();
            boolean end = false;
            while (!end) {
                try {
                    group.add(queue.take());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                queue.drainTo(group, GROUP - 1);
                end = group.remove(END);
                List<Integer> done = new ArrayList<>();
                group.removeIf(l -> {
                    if (l.position() < -1) {
                        done.add(-2 - l.position());
                        return true;
                    }
                    return false;
                });
                if (failure != null || group.isEmpty() && done.isEmpty()) {
                    group.clear();
                    continue;
                }
                try {
                    if (!group.isEmpty()) {
                        records.storeLists(checkId, group);
                    }
                    for (int p : done) {
                        claims.done(batchId, p);
                    }
                    listsDone += group.size();
                    nomineesDone += group.stream().mapToLong(CheckRecords.PreparedList::nominees).sum();
                } catch (RuntimeException e) {
                    failure = e;
                }
                group.clear();
                long now = System.currentTimeMillis();
                if (now - lastReport >= 250) {
                    lastReport = now;
                    progress.accept(new Progress(listsDone, listsTotal, nomineesDone, nomineesTotal, now - start));
                }
            }
            progress.accept(new Progress(listsDone, listsTotal, nomineesDone, nomineesTotal,
                    System.currentTimeMillis() - start));
        }
    }

    /**
     * A shared batch's versions: the first instance to read its input fixes them in {@code batch_job.versions} (the
     * active versions then); every instance working on it later uses those, whatever has been activated since.
     */
    private RuleSetSnapshot pinned(String id, RuleSetSnapshot active) {
        String names = String.join(",", active.versions().values().stream().map(RuleSetSnapshot.Version::version)
                .sorted().toList());
        records.jdbc().update("update batch_job set versions = ? where id = ? and versions is null", names, id);
        String fixed = records.jdbc().queryForList("select versions from batch_job where id = ?", String.class, id)
                .stream().findFirst().orElse(null);
        if (fixed == null || fixed.equals(names)) {
            return active;
        }
        List<org.slatecheck.rules.engine.RuleSet> sets = new ArrayList<>();
        for (String version : fixed.split(",")) {
            ruleSets.compiledByVersion(version).ifPresent(sets::add);
        }
        return active.withCompiled(sets);
    }

    private void recordFailure(String id, ListFailure f) {
        records.jdbc().update("insert into batch_list_failure (batch_id, congress_id, position, reason_key, detail, "
                + "created_at) values (?,?,?,?,?,?) on conflict (batch_id, congress_id) do update set position = "
                + "excluded.position, reason_key = excluded.reason_key, detail = excluded.detail, created_at = "
                + "excluded.created_at", id, f.congressId(), f.position(), f.reasonKey(), f.detail(),
                Timestamp.from(Instant.now()));
    }

    /**
     * Stores the warnings of batch {@code id} (docs/specification.md section 2) in {@code batch_warning}, numbered in order; the same
     * input gives the same warnings, so a resumed run or another instance reading it writes the same rows.
     */
    private void storeWarnings(String id, List<org.slatecheck.rules.intake.InputWarning> warnings) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < warnings.size(); i++) {
            org.slatecheck.rules.intake.InputWarning w = warnings.get(i);
            try {
                rows.add(new Object[] {id, i, w.file(), w.line(), w.column(), w.key(), JSON.writeValueAsString(
                        w.args())});
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        records.jdbc().batchUpdate("insert into batch_warning (batch_id, seq, file_name, line, column_name, "
                + "message_key, args) values (?,?,?,?,?,?,?) on conflict (batch_id, seq) do update set file_name = "
                + "excluded.file_name, line = excluded.line, column_name = excluded.column_name, message_key = "
                + "excluded.message_key, args = excluded.args", rows);
        records.jdbc().update("delete from batch_warning where batch_id = ? and seq >= ?", id, warnings.size());
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** The warnings of batch {@code id}, as a check of its files gives them (docs/specification.md section 2); empty when none. */
    public List<org.slatecheck.rules.intake.InputWarning> warnings(String id) {
        return records.jdbc().query("select file_name, line, column_name, message_key, args from batch_warning "
                + "where batch_id = ? order by seq", (rs, i) -> {
                    try {
                        return new org.slatecheck.rules.intake.InputWarning(rs.getString(1), rs.getLong(2),
                                rs.getString(3), rs.getString(4), List.of(JSON.readValue(rs.getString(5),
                                        String[].class)));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                }, id);
    }

    /** The lists of batch {@code id} that could not be checked, in file order. */
    public List<ListFailure> failures(String id) {
        return records.jdbc().query("select position, congress_id, reason_key, detail from batch_list_failure "
                + "where batch_id = ? order by position", (rs, i) -> new ListFailure(rs.getInt(1), rs.getString(2),
                        rs.getString(3), rs.getString(4)), id);
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

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
