package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.slatecheck.governance.RuleSetDrafts;
import org.slatecheck.governance.RuleSetVersions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17 item 10: the draft form offers a code parameter by its name (a drop-down: "Nghị định 135/2020/NĐ-CP",
 * not a text field holding CAO_CAP) and a list of codes as check boxes with names; saving the form with the same
 * codes ticked changes nothing, ticking others saves them. The parameter's name is not printed under its label in
 * Vietnamese (it is the label's title), and still is in English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParameterChoicesTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuleSetDrafts ruleSetDrafts;
    @Autowired
    RuleSetVersions ruleSetVersions;

    /** Posts {@code fields} (a name may come several times, as check boxes do) with the CSRF token of the page. */
    HttpResponse<String> post(WebSession web, String path, List<String[]> fields, String page) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(web.get(page));
        assertThat(csrf.find()).isTrue();
        String body = fields.stream().map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"))
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return web.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void codeParametersAreChosenByNameAndTheirNamesStayOutOfTheVietnamesePage() throws Exception {
        long active = jdbc.queryForObject("select id from rule_set_version where term = '2025-2030' and status = "
                + "'ACTIVE'", Long.class);
        WebSession board = new WebSession(port, "board2");
        board.post("/rulesets/" + active + "/drafts", Map.of(), "/rulesets/" + active);
        long draft = Long.parseLong(board.lastLocation.replaceAll(".*/rulesets/(\\d+).*", "$1"));
        String page = board.get("/rulesets/" + draft);

        // The parameter table (issue 17 item 8): each dated value's field is named by parameter and entry.
        assertThat(page).contains("<select name=\"v.theory.min.PROVINCE.0\">")
                .containsPattern("<option value=\"CAO_CAP\" selected=\"selected\">cao cấp</option>")
                .doesNotContain("name=\"v.theory.min.PROVINCE.0\" value=\"CAO_CAP\"");
        assertThat(page).containsPattern("<input type=\"checkbox\" name=\"v.structure.under40_levels.0\" "
                + "value=\"PROVINCE\" checked=\"checked\"> <span>tỉnh</span>");
        assertThat(page).containsPattern("value=\"COMMUNE\"> <span>xã</span>");
        // The parameter's name: the label's title, not a line under it.
        assertThat(page).contains("title=\"theory.min.PROVINCE\"").doesNotContain("<code>theory.min.PROVINCE</code>");
        assertThat(board.get("/rulesets/" + draft + "?lang=en")).contains("<code>theory.min.PROVINCE</code>");

        String stored = ruleSetDrafts.parameterRows(draft).get("structure.under40_levels").get(0);
        String source = ruleSetDrafts.parameterRows(draft).get("structure.under40_levels").get(2);
        // The same levels ticked, in another order: nothing to save, nothing changes.
        HttpResponse<String> same = post(board, "/rulesets/" + draft + "/parameters", List.of(
                new String[] {"value.structure.under40_levels", ""},
                new String[] {"value.structure.under40_levels", "ABOVE_GRASSROOTS"},
                new String[] {"value.structure.under40_levels", "DISTRICT"},
                new String[] {"value.structure.under40_levels", "PROVINCE"},
                new String[] {"source.structure.under40_levels", source}), "/rulesets/" + draft);
        assertThat(same.statusCode()).isEqualTo(302);
        assertThat(ruleSetDrafts.parameterRows(draft).get("structure.under40_levels").get(0)).isEqualTo(stored);
        // Other levels ticked, and the schedule chosen from the drop-down: saved as codes.
        HttpResponse<String> changed = post(board, "/rulesets/" + draft + "/parameters", List.of(
                new String[] {"value.structure.under40_levels", ""},
                new String[] {"value.structure.under40_levels", "PROVINCE"},
                new String[] {"value.structure.under40_levels", "COMMUNE"},
                new String[] {"source.structure.under40_levels", "Kế hoạch thử nghiệm số 2"}), "/rulesets/" + draft);
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(board.get(URI.create(changed.headers().firstValue("Location").orElseThrow()).getPath()))
                .doesNotContain("class=\"error\" id=\"problems\"");
        assertThat(ruleSetDrafts.parameterRows(draft).get("structure.under40_levels").get(0)).isEqualTo("PROVINCE;COMMUNE");
        // The parameter table: the same levels ticked in another order save nothing; others are saved.
        String table = ruleSetVersions.source(draft).values();
        String shown = board.get("/rulesets/" + draft);
        List<String[]> source4 = sourceFields(shown, "structure.under40_levels.0");
        List<String[]> same2 = new java.util.ArrayList<>(List.of(
                new String[] {"v.structure.under40_levels.0", ""},
                new String[] {"v.structure.under40_levels.0", "COMMUNE"},
                new String[] {"v.structure.under40_levels.0", "PROVINCE"}));
        same2.addAll(source4);
        HttpResponse<String> unchanged = post(board, "/rulesets/" + draft + "/parameter-table", same2,
                "/rulesets/" + draft);
        assertThat(unchanged.statusCode()).isEqualTo(302);
        assertThat(ruleSetVersions.source(draft).values()).isEqualTo(table);
        List<String[]> other = new java.util.ArrayList<>(List.of(
                new String[] {"v.structure.under40_levels.0", ""},
                new String[] {"v.structure.under40_levels.0", "PROVINCE"}));
        other.addAll(source4);
        post(board, "/rulesets/" + draft + "/parameter-table", other, "/rulesets/" + draft);
        assertThat(ruleSetDrafts.parameterRows(draft).get("structure.under40_levels").get(0)).isEqualTo("PROVINCE");
        // The draft is deleted again (drafts per user and term are limited).
        board.post("/rulesets/" + draft + "/delete", Map.of("confirm", "yes"), "/rulesets/" + draft);
    }

    /** The source fields (document, article, clause, note) of a table entry as the page shows them. */
    static List<String[]> sourceFields(String page, String key) {
        List<String[]> out = new java.util.ArrayList<>();
        Matcher doc = Pattern.compile("name=\"d\\." + Pattern.quote(key) + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(page);
        assertThat(doc.find()).isTrue();
        Matcher selected = Pattern.compile("<option value=\"([^\"]*)\" selected=\"selected\"").matcher(doc.group(1));
        out.add(new String[] {"d." + key, selected.find() ? selected.group(1) : ""});
        for (String f : List.of("a", "c", "n")) {
            Matcher m = Pattern.compile("name=\"" + f + "\\." + Pattern.quote(key) + "\"[^>]*value=\"([^\"]*)\"")
                    .matcher(page);
            out.add(new String[] {f + "." + key, m.find() ? org.springframework.web.util.HtmlUtils.htmlUnescape(
                    m.group(1)) : ""});
        }
        return out;
    }
}
