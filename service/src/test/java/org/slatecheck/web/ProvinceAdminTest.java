package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.slatecheck.governance.RuleSetVersions;
import org.slatecheck.governance.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17, item 3: a province administrator cannot act as the central level. The test configuration's units and
 * users: province A ({@code PA}) with {@code admin-a} (ADMIN), {@code board-a} (BOARD, made by the centre),
 * {@code prov-a} and {@code com-a1} (SUBCOMMITTEE, PA and its commune PA-C1); province B's {@code prov-b}; the
 * central {@code admin} (ADMIN + APPROVER), {@code board}, {@code approver}. National rule sets are governed by the
 * central unit's BOARD and APPROVER users only; ADMIN does not include APPROVER; only a central administrator grants
 * BOARD or APPROVER; a session follows the user's current roles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProvinceAdminTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "correct horse battery 7";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAccounts users;
    @Autowired
    RuleSetVersions ruleSetVersions;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> post(String user, String password, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String user, String path, String json) throws Exception {
        return post(user, user, path, json);
    }

    HttpResponse<String> token(String actor, String username) throws Exception {
        return post(actor, "/api/tokens?lang=en", "{\"username\": \"" + username + "\"}");
    }

    long refusals(String actor, String subject, String detail) {
        return jdbc.queryForObject("select count(*) from audit_log where actor = ? and action = 'ACCESS_REFUSED' "
                + "and subject = ? and detail = ?", Long.class, actor, subject, detail);
    }

    String roles(String username) {
        return jdbc.queryForObject("select roles from app_user where username = ?", String.class, username);
    }

    long activeVersionId() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/rulesets")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "board:board".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode v : JSON.readTree(r.body())) {
            if (v.get("term").asText().equals("2025-2030") && v.get("status").asText().equals("ACTIVE")) {
                return v.get("id").asLong();
            }
        }
        throw new AssertionError("no active 2025-2030 version");
    }

    @Test
    void aProvinceAdminIssuesTokensOnlyForTheSubcommitteeUsersOfItsProvince() throws Exception {
        String issuedOutside = "select count(*) from api_token where created_by = 'admin-a' and username in "
                + "('admin', 'board', 'approver', 'prov-b')";
        long tokensBefore = jdbc.queryForObject(issuedOutside, Long.class); // the test database outlives a run
        // The central administrator, a central board member, another province: outside its scope, as if unknown.
        for (String other : List.of("admin", "board", "approver", "prov-b")) {
            long before = refusals("admin-a", other, "user token");
            HttpResponse<String> r = token("admin-a", other);
            assertThat(r.statusCode()).as(other + ": " + r.body()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(r.body()).contains("There is no such user in your unit's scope.").doesNotContain("sct_");
            assertThat(refusals("admin-a", other, "user token")).isEqualTo(before + 1);
        }
        assertThat(jdbc.queryForObject(issuedOutside, Long.class)).isEqualTo(tokensBefore);
        // Its own province's board member holds a role only the centre grants: visible, but not its to manage.
        HttpResponse<String> board = token("admin-a", "board-a");
        assertThat(board.statusCode()).as(board.body()).isEqualTo(403);
        assertThat(board.body()).contains("only a central administrator grants");
        HttpResponse<String> vi = post("admin-a", "/api/tokens?lang=vi", "{\"username\": \"board-a\"}");
        assertThat(vi.body()).contains("Bạn không được quản lý người dùng này");
        // Its subcommittee users, in the province and in its communes: yes, and the token works.
        for (String own : List.of("prov-a", "com-a1")) {
            HttpResponse<String> r = token("admin-a", own);
            assertThat(r.statusCode()).as(own + ": " + r.body()).isEqualTo(201);
            assertThat(JSON.readTree(r.body()).get("token").asText()).startsWith("sct_");
        }
        // The Users page's token form answers the same.
        WebSession page = new WebSession(port, "admin-a");
        String shown = page.post("/admin/tokens", Map.of("username", "admin"), "/admin/users?lang=en");
        assertThat(shown).doesNotContain("id=\"token\"").contains("There is no such user in your unit");
        shown = page.post("/admin/tokens", Map.of("username", "board-a"), "/admin/users?lang=en");
        assertThat(shown).doesNotContain("id=\"token\"").contains("You may not manage this user");
        assertThat(page.post("/admin/tokens", Map.of("username", "prov-a"), "/admin/users?lang=en"))
                .contains("id=\"token\"");
        // The central administrator may issue one for anyone.
        assertThat(token("admin", "board-a").statusCode()).isEqualTo(201);
    }

    @Test
    void aProvinceAdminGrantsNeitherBoardNorApproverNorAdmin() throws Exception {
        long n = System.nanoTime() % 1_000_000_000L;
        WebSession adminA = new WebSession(port, "admin-a");
        String page = "/admin/users?lang=en";
        for (String role : List.of("BOARD", "APPROVER", "ADMIN")) {
            String shown = adminA.post("/admin/users", Map.of("username", "pa-" + role.toLowerCase() + n,
                    "password", PASSWORD, "roles", role, "unit", "PA"), page);
            assertThat(shown).contains("You may not grant this role");
            assertThat(users.exists("pa-" + role.toLowerCase() + n)).as(role).isFalse();
        }
        // A subcommittee user of its province: yes; then raising it to BOARD or APPROVER: no.
        String sub = "pa-sub" + n;
        adminA.post("/admin/users", Map.of("username", sub, "password", PASSWORD, "roles", "SUBCOMMITTEE",
                "unit", "PA-C1"), page);
        assertThat(roles(sub)).isEqualTo("SUBCOMMITTEE");
        for (String role : List.of("BOARD", "APPROVER", "ADMIN")) {
            String shown = adminA.post("/admin/users/update", Map.of("username", sub, "roles",
                    "SUBCOMMITTEE," + role), page);
            assertThat(shown).contains("You may not grant this role");
            assertThat(roles(sub)).isEqualTo("SUBCOMMITTEE");
        }
        assertThat(refusals("admin-a", sub, "user roles")).isEqualTo(3);
        // Users it may not manage: the centre's board member of its province, another province's user.
        adminA.post("/admin/users/update", Map.of("username", "board-a", "roles", "SUBCOMMITTEE"), page);
        assertThat(roles("board-a")).isEqualTo("BOARD");
        adminA.post("/admin/users/enabled", Map.of("username", "board-a", "enabled", "false"), page);
        assertThat(users.enabled("board-a")).isTrue();
        adminA.post("/admin/users/update", Map.of("username", "prov-b", "roles", "SUBCOMMITTEE,ADMIN"), page);
        assertThat(roles("prov-b")).isEqualTo("SUBCOMMITTEE");
        // The page offers only what it may do: no BOARD box to tick, no form on board-a's row.
        String shown = adminA.get(page);
        assertThat(shown).containsPattern("<input type=\"checkbox\" name=\"roles\" value=\"BOARD\" disabled");
        assertThat(shown).contains("Managed by a central administrator.");
        // The central administrator grants BOARD.
        WebSession admin = new WebSession(port, "admin");
        admin.post("/admin/users/update", Map.of("username", sub, "roles", "BOARD"), page);
        assertThat(roles(sub)).isEqualTo("BOARD");
    }

    @Test
    void onlyTheCentralBoardAndApproverGovernTheNationalRuleSets() throws Exception {
        long n = System.nanoTime() % 1_000_000_000L;
        long active = activeVersionId();
        long drafts = jdbc.queryForObject("select count(*) from rule_set_version", Long.class);
        // A province administrator cannot make a board member of its own to draft for it.
        WebSession adminA = new WebSession(port, "admin-a");
        adminA.post("/admin/users", Map.of("username", "pa-drafter" + n, "password", PASSWORD, "roles", "BOARD",
                "unit", "PA"), "/admin/users");
        assertThat(users.exists("pa-drafter" + n)).isFalse();
        // A board member of a province (given BOARD by the centre) neither drafts nor edits a national rule set.
        HttpResponse<String> draftA = post("board-a", "/api/rulesets/" + active + "/drafts?lang=en", null);
        assertThat(draftA.statusCode()).as(draftA.body()).isEqualTo(403);
        assertThat(draftA.body()).contains("Only a board member of the central level");
        assertThat(jdbc.queryForObject("select count(*) from rule_set_version", Long.class)).isEqualTo(drafts);
        assertThat(refusals("board-a", ruleSetVersions.get(active).orElseThrow().version(), "ruleset draft")).isPositive();

        // The central board member drafts, edits and analyses.
        HttpResponse<String> created = post("board", "/api/rulesets/" + active + "/drafts", null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long draft = JSON.readTree(created.body()).get("version").get("id").asLong();
        String version = ruleSetVersions.get(draft).orElseThrow().version();
        assertThat(JSON.readTree(created.body()).get("units").get("author").asText()).isEqualTo("TW");
        HttpResponse<String> edit = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/rulesets/" + draft + "/files")).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("board-a:board-a".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"path\": \"switches.csv\", \"content\": \"rule_id,enabled,severity\\n\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(403);
        assertThat(post("board-a", "/api/rulesets/" + draft + "/impact?checks=1", null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> impact = post("board", "/api/rulesets/" + draft + "/impact?checks=1", null);
        assertThat(impact.statusCode()).as(impact.body()).isEqualTo(200);
        String checksum = ruleSetVersions.get(draft).orElseThrow().checksum();

        // Neither the province administrator, nor a province approver, nor a central ADMIN without APPROVER approves.
        users.create("admin", "pa-approver" + n, PASSWORD, List.of("APPROVER"), "PA");
        users.create("admin", "chief" + n, PASSWORD, List.of("ADMIN"), "TW");
        String approve = "/api/rulesets/" + draft + "/approve?lang=en&checksum=" + checksum;
        HttpResponse<String> byAdminA = post("admin-a", approve, null);
        assertThat(byAdminA.statusCode()).as(byAdminA.body()).isEqualTo(403);
        HttpResponse<String> byProvinceApprover = post("pa-approver" + n, PASSWORD, approve, null);
        assertThat(byProvinceApprover.statusCode()).as(byProvinceApprover.body()).isEqualTo(403);
        assertThat(byProvinceApprover.body()).contains("Only an approver of the central level");
        assertThat(refusals("pa-approver" + n, version, "ruleset approve")).isEqualTo(1);
        assertThat(post("chief" + n, PASSWORD, approve, null).statusCode()).isEqualTo(403);
        WebSession adminPage = new WebSession(port, "admin-a");
        assertThat(adminPage.postRaw("/rulesets/" + draft + "/approve", Map.of("checksum", checksum), "/checks")
                .statusCode()).isEqualTo(403);
        assertThat(ruleSetVersions.get(draft).orElseThrow().status()).isEqualTo("DRAFT");

        // The central approver (not the author) approves; the province ones cannot activate what was approved.
        HttpResponse<String> approved = post("approver", approve, null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(post("admin-a", "/api/rulesets/" + draft + "/activate", null).statusCode()).isEqualTo(403);
        assertThat(post("pa-approver" + n, PASSWORD, "/api/rulesets/" + draft + "/activate", null).statusCode())
                .isEqualTo(403);
        assertThat(ruleSetVersions.get(draft).orElseThrow().status()).isEqualTo("APPROVED");

        // The version page and the audit log say from which unit the author and the approver act.
        WebSession approver = new WebSession(port, "approver");
        String page = approver.get("/rulesets/" + draft + "?lang=en");
        assertThat(page).containsPattern("id=\"author-unit\">\\(TW — [^)]+\\)")
                .containsPattern("id=\"approver-unit\">\\(TW — [^)]+\\)");
        assertThat(jdbc.queryForObject("select unit_code || ' ' || detail from audit_log where action = "
                + "'RULESET_APPROVED' and subject = ?", String.class, version)).isEqualTo("TW author board unit TW");
        String audit = approver.get("/audit?action=RULESET_APPROVED&lang=en");
        assertThat(audit).contains("author board, unit TW");
    }

    @Test
    void rolesTakenAwayCountAtTheNextRequestOfAnOpenPageSession() throws Exception {
        String name = "reduced" + System.nanoTime() % 1_000_000_000L;
        users.create("admin", name, PASSWORD, List.of("BOARD"), "TW");
        WebSession session = new WebSession(port, name, PASSWORD);
        assertThat(session.status("/rulesets")).isEqualTo(200);
        WebSession admin = new WebSession(port, "admin");
        admin.post("/admin/users/update", Map.of("username", name, "roles", "SUBCOMMITTEE"), "/admin/users");
        assertThat(roles(name)).isEqualTo("SUBCOMMITTEE");
        // The same session: the board pages are refused at once, the rest still works (no new sign-in needed).
        assertThat(session.status("/rulesets")).isEqualTo(403);
        assertThat(session.status("/checks")).isEqualTo(200);
        assertThat(session.get("/checks")).doesNotContain("id=\"nav-rulesets\"");
        // Given back, it counts as soon, too.
        admin.post("/admin/users/update", Map.of("username", name, "roles", "BOARD"), "/admin/users");
        assertThat(session.status("/rulesets")).isEqualTo(200);
    }
}
