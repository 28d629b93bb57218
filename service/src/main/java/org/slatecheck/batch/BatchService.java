package org.slatecheck.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slatecheck.config.SlateCheckProperties;
import org.slatecheck.records.CheckRecords;
import org.slatecheck.rules.intake.InputError;
import org.slatecheck.rules.intake.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Batches started from the API or the pages: the uploaded files are kept in the work folder, the batch runs in the
 * background, its progress is visible while it runs and it can be cancelled. State after the run comes from the
 * database ({@code batch_run}), so it survives a restart.
 */
@Service
public class BatchService {
    private static final Logger LOG = LoggerFactory.getLogger(BatchService.class);

    /** Live state of a batch this application runs. */
    public static final class Live {
        volatile String status = "VALIDATING";
        volatile BatchRunner.Progress progress;
        volatile List<InputError> errors = List.of();
        final AtomicBoolean cancel = new AtomicBoolean();
        /** Who started it and the organisation unit it is made for (its scope while nothing is stored yet). */
        volatile String user;
        volatile String unit;
    }

    private final BatchRunner runner;
    private final CheckRecords records;
    private final org.slatecheck.governance.AuditLog audit;
    private final Path work;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "batch");
        t.setDaemon(true);
        return t;
    });

    /** This instance's name in the claims of batch partitions (host, process, a random part). */
    private final String owner;
    private final BatchClaims claims;
    private final java.time.Duration lease;
    /** Batches worked on in this instance now (started here or joined). */
    private final java.util.Set<String> working = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "batch-claims");
        t.setDaemon(true);
        return t;
    });

    @org.springframework.beans.factory.annotation.Autowired
    public BatchService(BatchRunner runner, CheckRecords records, SlateCheckProperties props,
            org.slatecheck.governance.AuditLog audit,
            @org.springframework.beans.factory.annotation.Value("${slatecheck.batch.lease-seconds:15}") int leaseSeconds) {
        this.runner = runner;
        this.records = records;
        this.audit = audit;
        this.work = props.dataDir().toAbsolutePath().resolveSibling("batches");
        this.lease = java.time.Duration.ofSeconds(Math.max(2, leaseSeconds));
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "host";
        }
        this.owner = AuditLogCut.cut(host, 100) + ":" + ProcessHandle.current().pid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
        this.claims = new BatchClaims(records.jdbc(), owner, lease);
    }

    public BatchService(BatchRunner runner, CheckRecords records, SlateCheckProperties props,
            org.slatecheck.governance.AuditLog audit) {
        this(runner, records, props, audit, 15);
    }

    /** Cuts a text to a length (the owner name's host part). */
    private static final class AuditLogCut {
        static String cut(String s, int max) {
            return s.length() <= max ? s : s.substring(0, max);
        }
    }

    /**
     * The web application shares batches with the other instances on its database (issue 22): every lease third it
     * renews the claims it holds, and every {@link #POLL} it joins a batch that has partitions nobody works on (a batch
     * started elsewhere and still being read, or one whose instance died), when it works on no batch itself.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void shareWithOtherInstances(org.springframework.boot.context.event.ApplicationReadyEvent event) {
        if (!(event.getApplicationContext()
                instanceof org.springframework.boot.web.context.WebServerApplicationContext)) {
            return;
        }
        long renew = Math.max(500, lease.toMillis() / 3);
        timers.scheduleWithFixedDelay(() -> quietly(claims::renew), renew, renew,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(() -> quietly(this::joinOne), POLL.toMillis(), POLL.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** How often an idle instance looks for a batch to work on. */
    static final java.time.Duration POLL = java.time.Duration.ofSeconds(2);

    @jakarta.annotation.PreDestroy
    void stopTimers() {
        timers.shutdownNow();
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("batch claims: {}", e.getClass().getSimpleName());
        }
    }

    /** Joins one open batch that has partitions free to claim (or none made yet), if this instance is idle. */
    void joinOne() {
        if (!working.isEmpty()) {
            return;
        }
        List<Map<String, Object>> open = records.jdbc().queryForList("select j.id, j.username, j.unit_code "
                + "from batch_job j where not j.finished and not j.cancelled and (not exists (select 1 from "
                + "batch_partition p where p.batch_id = j.id) or exists (select 1 from batch_partition p where "
                + "p.batch_id = j.id and not p.done and (p.lease_until is null or p.lease_until < now()))) "
                + "order by j.created_at limit 1");
        if (open.isEmpty()) {
            return;
        }
        String id = (String) open.get(0).get("id");
        if (!working.add(id)) {
            return;
        }
        try {
            Map<String, Object> in = records.jdbc().queryForMap("select congresses, nominees from batch_job where id = ?",
                    id);
            if (in.get("congresses") == null || in.get("nominees") == null) {
                working.remove(id);
                return;
            }
            Path dir = org.slatecheck.config.PrivateFolders.create(
                    org.slatecheck.config.PrivateFolders.create(work).resolve("upload-" + BatchRunner.folder(id)));
            Path c = dir.resolve("congresses.csv");
            Path n = dir.resolve("nominees.csv");
            Files.write(c, (byte[]) in.get("congresses"));
            Files.write(n, (byte[]) in.get("nominees"));
            LOG.info("batch joined: {}", BatchRunner.folder(id).substring(0, 12));
            execute(id, (String) open.get(0).get("username"), (String) open.get(0).get("unit_code"), c, n, false);
        } catch (IOException | RuntimeException e) {
            working.remove(id);
            LOG.warn("joining a batch failed: {}", e.getClass().getSimpleName());
        }
    }

    /** The upload folder of batch {@code id}: unique per id (a hash of it, never a sanitised name). */
    public Path uploadFolder(String id) {
        return work.resolve("upload-" + BatchRunner.folder(id));
    }

    /**
     * Starts batch {@code id} on uploaded content for {@code user} of organisation unit {@code unit}; returns at
     * once. The caller has made sure an existing batch of that id lies in the user's scope.
     */
    public void start(String id, String user, String unit, byte[] congresses, byte[] nominees) throws IOException {
        org.slatecheck.config.PrivateFolders.create(work);
        Path dir = org.slatecheck.config.PrivateFolders.create(uploadFolder(id));
        Path c = dir.resolve("congresses.csv");
        Path n = dir.resolve("nominees.csv");
        Files.write(c, congresses);
        Files.write(n, nominees);
        // The input in the database too, so that any instance can work on the batch (issue 22); a new start of an id
        // forgets the claims of its earlier run and screens its failed lists again.
        records.jdbc().update("insert into batch_job (id, username, unit_code, congresses, nominees, created_at) "
                + "values (?,?,?,?,?,now()) on conflict (id) do update set username = excluded.username, unit_code = "
                + "excluded.unit_code, congresses = excluded.congresses, nominees = excluded.nominees, created_at = "
                + "excluded.created_at, finished = false, cancelled = false, versions = null", id, user, unit, congresses, nominees);
        claims.reset(id);
        records.jdbc().update("delete from batch_list_failure where batch_id = ?", id);
        working.add(id);
        audit.append(user, "BATCH_START", id, null, null, "unit " + unit);
        execute(id, user, unit, c, n, true);
    }

    /**
     * Works on batch {@code id} in the background, sharing its partitions with the other instances; {@code started}:
     * this instance started it (else it joined one started elsewhere). The instance that ends the batch (every
     * partition done, an input error, a failure, a cancel) marks it finished and writes BATCH_FINISH.
     */
    private void execute(String id, String user, String unit, Path c, Path n, boolean started) {
        Live state = new Live();
        state.user = user;
        state.unit = unit;
        live.put(id, state);
        java.util.concurrent.atomic.AtomicLong checked = new java.util.concurrent.atomic.AtomicLong();
        AtomicBoolean cancelledHere = new AtomicBoolean();
        java.util.function.BooleanSupplier cancelled = () -> {
            if (state.cancel.get() || cancelledHere.get()) {
                return true;
            }
            long now = System.currentTimeMillis();
            if (now - checked.get() > 1000) { // a cancel asked on another instance, read at most once a second
                checked.set(now);
                Boolean db = records.jdbc().queryForList("select cancelled from batch_job where id = ?",
                        Boolean.class, id).stream().findFirst().orElse(false);
                cancelledHere.set(Boolean.TRUE.equals(db));
            }
            return cancelledHere.get();
        };
        background.submit(() -> {
            boolean finished = true;
            try {
                runner.run(id, c, n, work, Runtime.getRuntime().availableProcessors(), p -> {
                    state.status = "RUNNING";
                    state.progress = p;
                }, cancelled, user, unit, claims);
                boolean cancel = cancelled.getAsBoolean();
                finished = cancel || claims.allDone(id);
                state.status = cancel ? "CANCELLED" : finished ? "DONE" : "RUNNING";
            } catch (InputException e) {
                state.errors = e.getErrors();
                state.status = "INPUT_ERRORS";
            } catch (Exception e) {
                LOG.error("batch {} failed: {}", id, e.getClass().getSimpleName());
                state.status = "FAILED";
            }
            if (finished) {
                int first = records.jdbc().update("update batch_job set finished = true, congresses = null, "
                        + "nominees = null where id = ? and not finished", id);
                if (first == 1) {
                    // Who started it, not the runner: the finish is the starting user's action.
                    audit.append(user, "BATCH_FINISH", id, null, null, state.status);
                }
            } else {
                live.remove(id, state); // worked on elsewhere: its state is the database's
            }
            working.remove(id);
        });
    }

    /**
     * The organisation unit batch {@code id} is made for: while it runs here, the starter's; afterwards, its stored
     * check run's. Empty when there is no such batch.
     */
    public Optional<String> unitOf(String id) {
        Live state = live.get(id);
        if (state != null && state.unit != null) {
            return Optional.of(state.unit);
        }
        return records.jdbc().queryForList("select c.unit_code from batch_run b join check_run c on c.id = "
                + "b.check_id where b.id = ?", String.class, id).stream().findFirst();
    }

    /**
     * The stored id that {@code id} in a request of a user of {@code unit} means ({@link BatchIds#resolve}): a stored
     * id as it is, a bare name as the user's own unit's batch of that name. A bare name that is no batch of the user's
     * unit but is a stored id as it stands (a batch stored before ids were per unit, which the schema change renamed
     * unless it was the root unit's) is that id, whose scope the caller checks as for any id.
     */
    public String resolve(String id, String unit) {
        String key = BatchIds.resolve(id, unit);
        if (!key.equals(id) && unitOf(key).isEmpty() && unitOf(id).isPresent()) {
            return id;
        }
        return key;
    }

    /** The check run batch {@code id} stores into: as stored (a renamed batch keeps its run), else derived. */
    UUID checkIdOf(String id) {
        return records.jdbc().queryForList("select check_id from batch_run where id = ?", UUID.class, id).stream()
                .findFirst().orElseGet(() -> BatchRunner.checkId(id));
    }

    /** Asks a running batch to stop after the lists in progress; {@code user} is who asked (audit log). */
    public boolean cancel(String id, String user) {
        Live state = live.get(id);
        if (state == null) {
            return false;
        }
        state.cancel.set(true);
        records.jdbc().update("update batch_job set cancelled = true where id = ? and not finished", id);
        audit.append(user, "BATCH_CANCEL", id, null, null, null);
        return true;
    }

    /** The state of batch {@code id}: live while it runs here, else as stored. */
    public Optional<Map<String, Object>> state(String id, org.slatecheck.rules.text.Messages messages) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", BatchIds.name(id));
        Live state = live.get(id);
        List<Map<String, Object>> stored = records.jdbc().queryForList(
                "select b.status, b.lists_total, b.nominees_total, b.check_id, c.lists, c.nominees, c.eligible, c.review, "
                        + "c.ineligible, c.non_compliant_lists, c.viable_non_compliant_lists from batch_run b "
                        + "join check_run c on c.id = b.check_id "
                        + "where b.id = ?", id);
        if (state == null && stored.isEmpty()) {
            return Optional.empty();
        }
        out.put("status", state != null ? state.status : stored.get(0).get("status"));
        if (!stored.isEmpty()) {
            Map<String, Object> s = stored.get(0);
            out.put("checkId", s.get("check_id").toString());
            out.put("listsTotal", s.get("lists_total"));
            out.put("nomineesTotal", s.get("nominees_total"));
            out.put("listsDone", records.jdbc().queryForObject("select count(*) from list_result where check_id = ?",
                    Integer.class, s.get("check_id")));
            out.put("failedLists", runner.failures(id).size());
            for (String k : List.of("eligible", "review", "ineligible", "non_compliant_lists")) {
                out.put(k.equals("non_compliant_lists") ? "nonCompliantLists" : k, s.get(k));
            }
            out.put("viableNonCompliantLists", s.get("viable_non_compliant_lists"));
        }
        if (state != null && state.progress != null) {
            BatchRunner.Progress p = state.progress;
            double seconds = Math.max(0.001, p.elapsedMillis() / 1000.0);
            long rate = (long) (p.nomineesDone() / seconds);
            // The lists done are the database's (every instance working on the batch stores there).
            out.putIfAbsent("listsDone", p.listsDone());
            out.putIfAbsent("listsTotal", p.listsTotal());
            out.put("nomineesDone", p.nomineesDone());
            out.put("nomineesPerSecond", rate);
            out.put("secondsLeft", rate == 0 ? null : (p.nomineesTotal() - p.nomineesDone()) / rate);
        }
        if (state != null && !state.errors.isEmpty()) {
            out.put("errors", state.errors.stream().map(e -> e.format(messages)).toList());
        }
        if (!stored.isEmpty()) {
            // What a check of the same files tells the user (docs/specification.md section 2), in the request's language.
            out.put("warnings", runner.warnings(id).stream().map(w -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("file", w.file());
                one.put("line", w.line());
                one.put("column", w.column());
                one.put("text", w.text(messages));
                return one;
            }).toList());
        }
        return Optional.of(out);
    }

    /** Every list of the batch (one per organisation) with its counts by outcome and status, in file order. */
    public List<Map<String, Object>> organisations(String id) {
        return records.jdbc().queryForList("select congress_id, organisation, level, term, list_kind, nominees, "
                + "eligible, review, ineligible, list_status, viable_list_status from list_result where check_id = ? "
                + "order by position",
                checkIdOf(id));
    }

    /** Stored summaries of ended batches, by batch id, with the status and update time they were read at. */
    private final Map<String, Map.Entry<String, Map<String, Object>>> ended = new ConcurrentHashMap<>();
    private static final int ENDED_KEPT = 100;

    /**
     * The per-level counts, the first non-compliant lists and the most frequent rules of a batch. For an ended batch
     * they are read once and kept while its stored status and update time stay the same (a resumed batch changes
     * both): over 10,000 lists the rule counts read every finding, too slow for every view of its page.
     */
    private Map<String, Object> storedSummary(String id) {
        UUID checkId = checkIdOf(id);
        String version = live.containsKey(id) && !ended(live.get(id).status) ? null : records.jdbc().queryForList(
                "select status || ' ' || updated_at from batch_run where id = ? and status in ('DONE', 'CANCELLED', "
                        + "'FAILED')", String.class, id).stream().findFirst().orElse(null);
        if (version != null) {
            Map.Entry<String, Map<String, Object>> kept = ended.get(id);
            if (kept != null && kept.getKey().equals(version)) {
                return kept.getValue();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("byLevel", records.jdbc().queryForList("select level, count(*) as lists, sum(nominees) as nominees, "
                + "sum(eligible) as eligible, sum(review) as review, sum(ineligible) as ineligible, count(*) filter "
                + "(where list_status = 'NON_COMPLIANT') as non_compliant, count(*) filter (where viable_list_status = "
                + "'NON_COMPLIANT') as viable_non_compliant from list_result where check_id = ? "
                + "group by level order by level", checkId));
        out.put("nonCompliantLists", records.jdbc().queryForList("select congress_id, organisation, level from "
                + "list_result where check_id = ? and list_status = 'NON_COMPLIANT' order by position limit 500",
                checkId));
        out.put("viableNonCompliantLists", records.jdbc().queryForList("select congress_id, organisation, level from "
                + "list_result where check_id = ? and viable_list_status = 'NON_COMPLIANT' order by position limit 500",
                checkId));
        // The viable list's findings repeat list rules on fewer names: they are not counted as rules that fired.
        out.put("topRules", records.jdbc().queryForList("select f.rule_id, count(*) as findings from finding f join "
                + "list_result l on l.id = f.list_id where l.check_id = ? and not f.viable group by f.rule_id "
                + "order by count(*) desc, f.rule_id limit 10", checkId));
        if (version != null) {
            if (ended.size() >= ENDED_KEPT) {
                ended.clear();
            }
            ended.put(id, Map.entry(version, java.util.Collections.unmodifiableMap(out)));
        }
        return out;
    }

    private static boolean ended(String status) {
        return "DONE".equals(status) || "CANCELLED".equals(status) || "FAILED".equals(status);
    }

    /** {@link #summary(String, org.slatecheck.rules.text.Messages)} with messages in Vietnamese. */
    public Map<String, Object> summary(String id) {
        return summary(id, org.slatecheck.rules.text.Messages.of(org.slatecheck.rules.text.Messages.VI));
    }

    /**
     * Per organisation level: lists, nominees by outcome, non-compliant lists (as submitted and without their
     * INELIGIBLE nominees, docs/specification.md section 6); the rules that fired most; and the
     * lists that could not be checked (an evaluation guard stopped them), each with its reason in {@code messages}.
     */
    public Map<String, Object> summary(String id, org.slatecheck.rules.text.Messages messages) {
        Map<String, Object> out = new LinkedHashMap<>(storedSummary(id));
        List<Map<String, Object>> failed = runner.failures(id).stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("congress_id", f.congressId());
            m.put("reason_key", f.reasonKey());
            m.put("detail", f.detail());
            m.put("message", messages.text(f.reasonKey(), f.congressId(), f.detail()));
            return m;
        }).toList();
        out.put("failedListsCount", failed.size());
        out.put("failedLists", failed);
        return out;
    }
}
