package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.slatecheck.batch.BatchService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Personnel dossiers stay with their organisation (issue 11): two provinces (PA, PB) and their communes (PA-C1,
 * PA-C2, PB-C1) from the test configuration. A user sees the records of their unit and the units below it; anything
 * else is a 404 in pages and API alike, and every access, refusal and batch step is in the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganisationScopeTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BatchService batches;
    @LocalServerPort
    int port;

    TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user);
    }

    String check(String user) throws Exception {
        ResponseEntity<String> r = as(user).postForEntity("/api/checks", CheckApiTest.sample(), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return JSON.readTree(r.getBody()).get("checkId").asText();
    }

    HttpStatus status(String user, String path) {
        return HttpStatus.valueOf(as(user).getForEntity(path, byte[].class).getStatusCode().value());
    }

    long audits(String actor, String action, String subject) {
        return jdbc.queryForObject("select count(*) from audit_log where actor = ? and action = ? and subject = ?",
                Long.class, actor, action, subject);
    }

    List<String> listed(String user, String query) throws Exception {
        JsonNode list = JSON.readTree(as(user).getForObject("/api/checks?limit=500" + (query == null ? "" : "&q="
                + query), String.class));
        return list.findValuesAsText("id");
    }

    @Test
    void aProvinceSeesItsCommunesButNeitherTheOtherProvinceNorACommuneItsProvince() throws Exception {
        String b = check("prov-b");
        String b1 = check("com-b1");
        String a = check("prov-a");
        String a1 = check("com-a1");
        String a2 = check("com-a2");
        assertThat(jdbc.queryForObject("select unit_code from check_run where id = cast(? as uuid)", String.class, a1))
                .isEqualTo("PA-C1");

        // Province A: its own check and its communes' checks, listed, searched and opened.
        assertThat(listed("prov-a", null)).contains(a, a1, a2).doesNotContain(b, b1);
        assertThat(listed("prov-a", "TINH-NB")).contains(a, a1).doesNotContain(b, b1);
        for (String id : List.of(a, a1, a2)) {
            assertThat(status("prov-a", "/api/checks/" + id)).isEqualTo(HttpStatus.OK);
            assertThat(status("prov-a", "/checks/" + id)).isEqualTo(HttpStatus.OK);
        }
        assertThat(status("prov-a", "/api/checks/" + a1 + "/report.csv")).isEqualTo(HttpStatus.OK);

        // ... but nothing of province B or its commune: 404 everywhere, as for a check that does not exist.
        for (String id : List.of(b, b1)) {
            for (String path : List.of("/api/checks/" + id, "/api/checks/" + id + "?lang=en",
                    "/api/checks/" + id + "/report.csv", "/api/checks/" + id + "/report.pdf", "/checks/" + id,
                    "/checks/" + id + "/lists/0/nominees/T06")) {
                assertThat(status("prov-a", path)).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            }
            assertThat(as("prov-a").postForEntity("/api/checks/" + id + "/reproduce", null, String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(as("prov-a").getForObject("/checks", String.class)).doesNotContain(id);
            assertThat(as("prov-a").getForObject("/checks?q=TINH", String.class)).doesNotContain(id);
            assertThat(audits("prov-a", "ACCESS_REFUSED", id)).isGreaterThanOrEqualTo(7);
        }

        // A commune sees its own checks only: not its province's, not its sibling commune's.
        assertThat(listed("com-a1", null)).contains(a1).doesNotContain(a, a2, b, b1);
        for (String id : List.of(a, a2, b)) {
            assertThat(status("com-a1", "/api/checks/" + id)).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(status("com-a1", "/api/checks/" + id + "/report.pdf")).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(status("com-a1", "/checks/" + id)).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(status("com-a1", "/api/checks/" + a1 + "/report.pdf")).isEqualTo(HttpStatus.OK);
        // The root unit (the demo user without a unit) sees every unit's checks.
        assertThat(listed("subcommittee", null)).contains(a, a1, b, b1);

        // The audit log: who checked, who read what in which format, who was refused; never nominee data.
        assertThat(audits("prov-b", "CHECK", b)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select unit_code from audit_log where action = 'CHECK' and subject = ?",
                String.class, b)).isEqualTo("PB");
        assertThat(jdbc.queryForList("select detail from audit_log where actor = 'prov-a' and action = 'DOWNLOAD' "
                + "and subject = ?", String.class, a1)).contains("json", "csv", "page");
        assertThat(jdbc.queryForList("select detail from audit_log where actor = 'com-a1' and action = 'DOWNLOAD' "
                + "and subject = ?", String.class, a1)).contains("pdf");
        List<Map<String, Object>> rows = jdbc.queryForList("select subject, detail from audit_log where actor in "
                + "('prov-a', 'prov-b', 'com-a1', 'com-a2', 'com-b1')");
        assertThat(rows.toString()).doesNotContain("Nguyễn", "T06", "1967");
    }

    JsonNode waitForEnd(String user, String id) throws Exception {
        for (int i = 0; i < 300; i++) {
            JsonNode state = JSON.readTree(as(user).getForObject("/api/batches/" + id + "?lang=en", String.class));
            String status = state.get("status").asText();
            if (!status.equals("VALIDATING") && !status.equals("RUNNING")) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + id + " did not end");
    }

    @Test
    void anotherProvincesBatchIs404AndCannotBeCancelledOrResumed() throws Exception {
        String name = "scope-b-" + System.nanoTime();
        ResponseEntity<String> started = as("prov-b").postForEntity("/api/batches?id=" + name, CheckApiTest.sample(),
                String.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        // Its stored id names its unit (ids are per unit, issue 17 item 18); the name alone works for its own unit.
        String id = JSON.readTree(started.getBody()).get("id").asText();
        assertThat(id).isEqualTo("PB~" + name);
        assertThat(started.getHeaders().getLocation().toString()).isEqualTo("/api/batches/" + id);
        // While it may still run and after it ended: nothing of it is visible to province A or to a sibling commune.
        assertThat(status("prov-a", "/api/batches/" + id)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("prov-a", "/api/batches/" + name)).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode state = waitForEnd("prov-b", name);
        assertThat(state.get("status").asText()).isEqualTo("DONE");
        String checkId = state.get("checkId").asText();
        for (String user : List.of("prov-a", "com-a1", "com-b1")) {
            for (String ref : List.of(id, name)) {
                for (String path : List.of("/api/batches/" + ref, "/api/batches/" + ref + "/summary",
                        "/api/batches/" + ref + "/summary.csv", "/api/batches/" + ref + "/summary.pdf",
                        "/api/batches/" + ref + "/organisations.csv", "/batches/" + ref, "/api/checks/" + checkId)) {
                    assertThat(status(user, path)).as(user + " " + path).isEqualTo(HttpStatus.NOT_FOUND);
                }
                assertThat(as(user).postForEntity("/api/batches/" + ref + "/cancel", null, String.class)
                        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            }
        }
        assertThat(audits("prov-a", "ACCESS_REFUSED", id)).isGreaterThanOrEqualTo(7);
        // Its own province sees it all, by its id and by its name.
        assertThat(status("prov-b", "/api/batches/" + id + "/organisations.csv")).isEqualTo(HttpStatus.OK);
        assertThat(status("prov-b", "/batches/" + id)).isEqualTo(HttpStatus.OK);
        assertThat(status("prov-b", "/batches/" + name)).isEqualTo(HttpStatus.OK);
        assertThat(status("prov-b", "/api/checks/" + checkId)).isEqualTo(HttpStatus.OK);
        // And so does the central level above it, by its id.
        assertThat(status("subcommittee", "/api/batches/" + id)).isEqualTo(HttpStatus.OK);

        // The audit log names the user who started, cancelled and finished it, not "batch:<id>".
        assertThat(audits("prov-b", "BATCH_START", id)).isEqualTo(1);
        assertThat(jdbc.queryForList("select detail from audit_log where actor = 'prov-b' and action = 'BATCH_FINISH' "
                + "and subject = ?", String.class, id)).containsExactly("DONE");
        assertThat(jdbc.queryForObject("select created_by from check_run where id = cast(? as uuid)", String.class,
                checkId)).isEqualTo("prov-b");
        assertThat(as("prov-b").postForEntity("/api/batches/" + name + "/cancel", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(audits("prov-b", "BATCH_CANCEL", id)).isEqualTo(1);
        assertThat(jdbc.queryForList("select detail from audit_log where actor = 'prov-b' and action = 'DOWNLOAD' "
                + "and subject = ?", String.class, "batch " + id)).contains("organisations csv");
    }

    /**
     * The downloads the pages link to (issue 17): with the browser session (form sign-in, no Basic), scoped as the
     * pages are — another province's check or batch is the 404 page (HTML, no sign-in challenge) with an
     * ACCESS_REFUSED entry —, and each download is audited as the API's are.
     */
    @Test
    void pageDownloadsUseTheSessionAndAreScopedLikeThePages() throws Exception {
        String b = check("prov-b");
        String batch = "page-dl-" + System.nanoTime();
        assertThat(as("prov-b").postForEntity("/api/batches?id=" + batch, CheckApiTest.sample(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(waitForEnd("prov-b", batch).get("status").asText()).isEqualTo("DONE");
        List<String> paths = List.of("/checks/" + b + "/report.csv", "/checks/" + b + "/report.xlsx",
                "/checks/" + b + "/report.pdf", "/batches/" + batch + "/summary.csv",
                "/batches/" + batch + "/summary.pdf", "/batches/" + batch + "/organisations.csv",
                "/batches/" + batch + "/organisations.xlsx");
        WebSession own = new WebSession(port, "prov-b");
        WebSession other = new WebSession(port, "prov-a");
        for (String path : paths) {
            var mine = own.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                    + path)).GET().build());
            assertThat(mine.statusCode()).as(path).isEqualTo(200);
            assertThat(mine.body()).as(path).isNotEmpty();
            // Province A names province B's batch by its stored id (a bare name would mean a batch of A's own).
            var theirs = other.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                    + port + path.replace("/batches/" + batch, "/batches/PB~" + batch))).GET().build());
            assertThat(theirs.statusCode()).as(path).isEqualTo(404);
            assertThat(theirs.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(theirs.headers().firstValue("WWW-Authenticate")).as(path).isEmpty();
            assertThat(theirs.body()).as(path).contains("id=\"error-page\"", "class=\"brand\"");
        }
        assertThat(audits("prov-a", "ACCESS_REFUSED", b)).isEqualTo(3);
        assertThat(audits("prov-a", "ACCESS_REFUSED", "PB~" + batch)).isEqualTo(4);
        assertThat(jdbc.queryForList("select detail from audit_log where actor = 'prov-b' and action = 'DOWNLOAD' "
                + "and subject = ?", String.class, b)).contains("csv", "xlsx", "pdf");
        assertThat(jdbc.queryForList("select detail from audit_log where actor = 'prov-b' and action = 'DOWNLOAD' "
                + "and subject = ?", String.class, "batch PB~" + batch)).contains("summary csv", "summary pdf",
                        "organisations csv", "organisations xlsx");
        // Signed out, a page download sends to the sign-in page (as every page does), never a Basic challenge.
        var anonymousGet = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + paths.get(0))).header("Accept",
                "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(anonymousGet.statusCode()).isEqualTo(302);
        assertThat(anonymousGet.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(anonymousGet.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    /** A 404 answer without what differs by path (the path itself and the time). */
    static String neutral(ResponseEntity<String> r, String ref) {
        return r.getStatusCode() + " " + String.valueOf(r.getBody()).replace(ref, "REF")
                .replace(ref.replace("~", "%7E"), "REF")
                .replaceAll("\"timestamp\":\"[^\"]*\"", "");
    }

    /**
     * Issue 17 item 18: two provinces start a batch with the same id: both are accepted, each is its own batch, and
     * neither sees the other's. Starting with a name another unit uses answers as with a free one, and reading
     * another unit's batch answers as an id nobody uses (nothing can be probed or taken first).
     */
    @Test
    void twoUnitsStartBatchesWithTheSameIdAndNeitherSeesTheOther() throws Exception {
        String name = "same-" + System.nanoTime();
        String free = "free-" + System.nanoTime();
        ResponseEntity<String> b = as("prov-b").postForEntity("/api/batches?id=" + name, CheckApiTest.sample(),
                String.class);
        assertThat(b.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        ResponseEntity<String> a = as("prov-a").postForEntity("/api/batches?id=" + name, CheckApiTest.sample(),
                String.class);
        ResponseEntity<String> aFree = as("prov-a").postForEntity("/api/batches?id=" + free, CheckApiTest.sample(),
                String.class);
        // The name province B uses and a free name: the same answer.
        assertThat(a.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED).isEqualTo(aFree.getStatusCode());
        assertThat(a.getBody().replace(name, "NAME")).isEqualTo(aFree.getBody().replace(free, "NAME"));
        String idA = JSON.readTree(a.getBody()).get("id").asText();
        String idB = JSON.readTree(b.getBody()).get("id").asText();
        assertThat(idA).isEqualTo("PA~" + name);
        assertThat(idB).isEqualTo("PB~" + name);
        JsonNode stateA = waitForEnd("prov-a", name);
        JsonNode stateB = waitForEnd("prov-b", name);
        waitForEnd("prov-a", free);
        assertThat(stateA.get("status").asText()).isEqualTo("DONE");
        assertThat(stateB.get("status").asText()).isEqualTo("DONE");
        assertThat(stateA.get("id").asText()).isEqualTo(idA);
        assertThat(stateB.get("id").asText()).isEqualTo(idB);
        assertThat(stateA.get("checkId").asText()).isNotEqualTo(stateB.get("checkId").asText());
        assertThat(jdbc.queryForObject("select unit_code from check_run where id = cast(? as uuid)", String.class,
                stateA.get("checkId").asText())).isEqualTo("PA");
        assertThat(jdbc.queryForObject("select unit_code from check_run where id = cast(? as uuid)", String.class,
                stateB.get("checkId").asText())).isEqualTo("PB");
        // Each province's list of batches shows its own, not the other's; the central level sees both.
        String listA = as("prov-a").getForObject("/batches?q=" + name, String.class);
        assertThat(listA).contains("/batches/" + idA).doesNotContain("/batches/" + idB);
        // People read the name their unit gave the batch; the unit prefix is only in the addresses.
        assertThat(listA).contains(">" + name + "</a>").doesNotContain(">PA~");
        assertThat(as("prov-a").getForObject("/batches/" + idA, String.class)).doesNotContain(">PA~", " PA~");
        assertThat(as("prov-b").getForObject("/batches?q=" + name, String.class)).contains("/batches/" + idB)
                .doesNotContain("/batches/" + idA);
        assertThat(as("subcommittee").getForObject("/batches?q=" + name, String.class)).contains("/batches/" + idA,
                "/batches/" + idB);
        // Province A reading province B's batch by its id answers exactly as an id nobody uses.
        String unused = "PB~unused-" + System.nanoTime();
        for (String tail : List.of("", "/summary", "/summary.csv", "/organisations.csv")) {
            ResponseEntity<String> other = as("prov-a").getForEntity("/api/batches/" + idB + tail, String.class);
            ResponseEntity<String> none = as("prov-a").getForEntity("/api/batches/" + unused + tail, String.class);
            assertThat(other.getStatusCode()).as(tail).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(neutral(other, idB)).as(tail).isEqualTo(neutral(none, unused));
        }
        // Starting again with the name resumes the unit's own batch (the same id), never the other's.
        ResponseEntity<String> again = as("prov-a").postForEntity("/api/batches?id=" + name, CheckApiTest.sample(),
                String.class);
        assertThat(JSON.readTree(again.getBody()).get("id").asText()).isEqualTo(idA);
        assertThat(waitForEnd("prov-a", name).get("checkId").asText()).isEqualTo(stateA.get("checkId").asText());
        assertThat(jdbc.queryForObject("select count(*) from batch_run where id in (?, ?)", Integer.class, idA, idB))
                .isEqualTo(2);
    }

    @Test
    void batchIdsThatSanitiseAlikeDoNotShareAFolder() throws Exception {
        long n = System.nanoTime();
        String dot = "fold.x" + n;
        String underscore = "fold_x" + n;
        assertThat(batches.uploadFolder(dot)).isNotEqualTo(batches.uploadFolder(underscore));
        // Started one right after the other: each runs on its own upload (three lists, one list).
        byte[] congresses = Files.readAllBytes(CheckApiTest.SAMPLES.resolve("congresses.csv"));
        byte[] nominees = Files.readAllBytes(CheckApiTest.SAMPLES.resolve("nominees.csv"));
        String oneCongress = new String(congresses, StandardCharsets.UTF_8).lines().limit(2)
                .reduce((x, y) -> x + "\n" + y).orElseThrow() + "\n";
        String firstId = oneCongress.lines().skip(1).findFirst().orElseThrow().split("[,;]")[0];
        String oneList = new String(nominees, StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("congress_id") || l.startsWith(firstId + ",") || l.startsWith(firstId + ";"))
                .reduce((x, y) -> x + "\n" + y).orElseThrow() + "\n";
        as("prov-a").postForEntity("/api/batches?id=" + dot, CheckApiTest.sample(), String.class);
        as("prov-a").postForEntity("/api/batches?id=" + underscore, CheckApiTest.upload("c.csv",
                oneCongress.getBytes(StandardCharsets.UTF_8), "n.csv", oneList.getBytes(StandardCharsets.UTF_8)),
                String.class);
        assertThat(waitForEnd("prov-a", dot).get("listsDone").asInt()).isEqualTo(3);
        assertThat(waitForEnd("prov-a", underscore).get("listsDone").asInt()).isEqualTo(1);
    }

    /**
     * Impact analyses of the national rule sets are the central board's (issue 17): a province's board member neither
     * drafts nor analyses, and cannot read the central report, which names nominees of every unit.
     */
    @Test
    void anImpactAnalysisIsTheCentralBoardsAndItsReportStaysAtTheCentre() throws Exception {
        check("com-a2");
        check("prov-b");
        long active = 0;
        for (JsonNode v : JSON.readTree(as("board").getForObject("/api/rulesets", String.class))) {
            if (v.get("term").asText().equals("2025-2030") && v.get("status").asText().equals("ACTIVE")) {
                active = v.get("id").asLong();
            }
        }
        assertThat(as("board-a").postForEntity("/api/rulesets/" + active + "/drafts", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        long draft = JSON.readTree(as("board").postForEntity("/api/rulesets/" + active + "/drafts", null,
                String.class).getBody()).get("version").get("id").asLong();
        assertThat(as("board-b").postForEntity("/api/rulesets/" + draft + "/impact?checks=5", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode report = JSON.readTree(as("board").postForEntity("/api/rulesets/" + draft + "/impact?checks=5",
                null, String.class).getBody()).get("report");
        long all = jdbc.queryForObject("select count(*) from check_run where congresses_csv is not null", Long.class);
        // The five latest checks are re-evaluated; one whose files no longer read under today's rules (another test
        // class's congress dated outside its term's season, say) is counted apart as skipped.
        assertThat(report.get("totals").get("checks").asLong() + report.get("totals").get("checksSkipped").asLong())
                .isEqualTo(Math.min(all, 5));
        assertThat(report.get("totals").get("checks").asLong()).isPositive();
        assertThat(jdbc.queryForObject("select unit_code from impact_report where id = ?", String.class,
                JSON.readTree(as("board").getForObject("/api/rulesets/" + draft + "/impact", String.class))
                        .get("id").asLong())).isEqualTo("TW");
        assertThat(status("board-a", "/api/rulesets/" + draft + "/impact")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("board-a", "/rulesets/" + draft + "/impact.csv")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForList("select detail from audit_log where actor = 'board' and action = 'DOWNLOAD' "
                + "and subject like 'impact %'", String.class)).contains("json");
    }

    @Test
    void theAuditLogFiltersAndPagesOnTheServer() throws Exception {
        String b = check("prov-b");
        status("prov-a", "/api/checks/" + b);
        status("prov-a", "/api/checks/" + b + "/report.csv");
        TestRestTemplate approver = as("approver");
        ResponseEntity<String> refused = approver.getForEntity("/api/audit?action=ACCESS_REFUSED&user=prov-a&size=1",
                String.class);
        long total = Long.parseLong(refused.getHeaders().getFirst("X-Total-Count"));
        assertThat(total).isGreaterThanOrEqualTo(2);
        JsonNode first = JSON.readTree(refused.getBody());
        assertThat(first).hasSize(1);
        assertThat(first.get(0).get("actor").asText()).isEqualTo("prov-a");
        assertThat(first.get(0).get("action").asText()).isEqualTo("ACCESS_REFUSED");
        assertThat(first.get(0).get("unit_code").asText()).isEqualTo("PA");
        JsonNode second = JSON.readTree(approver.getForObject(
                "/api/audit?action=ACCESS_REFUSED&user=prov-a&size=1&page=1", String.class));
        assertThat(second.get(0).get("id").asLong()).isLessThan(first.get(0).get("id").asLong());
        // By unit (with the units below it) and by date.
        JsonNode byUnit = JSON.readTree(approver.getForObject("/api/audit?unit=PB&size=500", String.class));
        assertThat(byUnit).isNotEmpty().allSatisfy(e -> assertThat(e.get("unit_code").asText()).isIn("PB", "PB-C1"));
        String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertThat(approver.getForEntity("/api/audit?user=prov-b&from=" + today + "&to=" + today, String.class)
                .getHeaders().getFirst("X-Total-Count")).isNotEqualTo("0");
        assertThat(approver.getForEntity("/api/audit?user=prov-b&to=2000-01-01", String.class).getHeaders()
                .getFirst("X-Total-Count")).isEqualTo("0");
        assertThat(approver.getForEntity("/api/audit?from=yesterday", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        // The page: the same filters, a page of rows and a link to the next page.
        String page = approver.getForObject("/audit?action=ACCESS_REFUSED&user=prov-a&size=1&lang=en", String.class);
        assertThat(page).contains("id=\"audit-next\"", total + " entries, page 1 of " + total);
        assertThat(page.split("<td>Access refused</td>", -1)).hasSize(2);
        String last = approver.getForObject("/audit?action=ACCESS_REFUSED&user=prov-a&size=1&lang=en&page="
                + (total - 1), String.class);
        assertThat(last).contains("id=\"audit-previous\"").doesNotContain("id=\"audit-next\"");
    }

    @Test
    void anAdminCreatesUnitsAndUsersOfTheirOwnScope() throws Exception {
        WebSession admin = new WebSession(port, "admin");
        long n = System.nanoTime() % 1_000_000;
        String csv = "code,name,parent_code,level\nIMP-C" + n + ",Imported commune,IMP-P" + n + ",COMMUNE\nIMP-P" + n
                + ",Imported province,TW,PROVINCE\n";
        String shown = admin.follow(admin.uploadRaw("/admin/units/import", "", "units.csv", csv, "/admin/users"));
        assertThat(shown).contains("IMP-P" + n, "IMP-C" + n, "Imported commune");
        assertThat(jdbc.queryForObject("select parent_code from org_unit where code = ?", String.class, "IMP-C" + n))
                .isEqualTo("IMP-P" + n);
        admin.post("/admin/users", Map.of("username", "imp-user" + n, "password", "correct horse battery 7", "roles", "SUBCOMMITTEE",
                "unit", "IMP-C" + n), "/admin/users");
        assertThat(jdbc.queryForObject("select unit_code from app_user where username = ?", String.class,
                "imp-user" + n)).isEqualTo("IMP-C" + n);
        assertThat(audits("admin", "USER_CREATED", "imp-user" + n)).isEqualTo(1);
        assertThat(audits("admin", "UNIT_CREATED", "IMP-C" + n)).isEqualTo(1);

        // An admin of province A can neither place a user in province B nor see B's users.
        WebSession adminA = new WebSession(port, "admin-a");
        String refused = adminA.post("/admin/users", Map.of("username", "b-user" + n, "password", "correct horse battery 7", "roles",
                "SUBCOMMITTEE", "unit", "PB"), "/admin/users");
        assertThat(refused).doesNotContain("prov-b");
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = ?", Long.class, "b-user" + n))
                .isZero();
    }
}
