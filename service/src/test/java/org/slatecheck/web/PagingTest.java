package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.slatecheck.bench.LargeBatch;
import org.slatecheck.records.CheckRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Pages that scale (issue 12 item 5): the result page, the history, the batches and a batch's lists are paged,
 * searched, filtered and sorted on the server, their links keep the other parameters, and the organisation scope
 * holds for every row and count a search or filter can show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagingTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern NOMINEE_ROW = Pattern.compile("<tr class=\"nominee\" data-outcome=\"([A-Z]+)\">\\s*"
            + "(?:<td><a[^>]*>[^<]*</a></td>\\s*)?<td>([^<]+)</td>");
    static final Pattern LIST_ROW = Pattern.compile("<tr class=\"batch-list\" data-status=\"([A-Z_]+)\">\\s*<td><a "
            + "class=\"list-link\" href=\"([^\"]+)\">([^<]+)</a>");

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CheckRecords records;

    TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user);
    }

    String page(String user, String path) {
        var r = as(user).getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    String sampleCheck(String user) throws Exception {
        var r = as(user).postForEntity("/api/checks", CheckApiTest.sample(), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return JSON.readTree(r.getBody()).get("checkId").asText();
    }

    /** The nominee ids of the rows of a result page, with the outcome of each ("id:OUTCOME"). */
    static List<String> nomineeRows(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = NOMINEE_ROW.matcher(html);
        while (m.find()) {
            out.add(m.group(2) + ":" + m.group(1));
        }
        return out;
    }

    static List<String[]> listRows(String html) {
        List<String[]> out = new ArrayList<>();
        Matcher m = LIST_ROW.matcher(html);
        while (m.find()) {
            out.add(new String[] {m.group(1), HtmlUtils.htmlUnescape(m.group(2)), m.group(3)});
        }
        return out;
    }

    static String href(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("link " + id).isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }

    List<String> dbIds(String id, String sql, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = UUID.fromString(id);
        System.arraycopy(args, 0, all, 1, args.length);
        return jdbc.queryForList("select o.nominee_id from nominee_outcome o join list_result l on l.id = o.list_id "
                + "where l.check_id = ? " + sql, String.class, all);
    }

    @Test
    void resultPagePagesFiltersSearchesAndSortsTheNomineesOfACheck() throws Exception {
        String id = sampleCheck("subcommittee");
        List<String> all = dbIds(id, "order by l.position, o.position");
        assertThat(all).hasSize(82);

        String first = page("subcommittee", "/checks/" + id + "?lang=en");
        List<String> page1 = nomineeRows(first);
        assertThat(page1).hasSize(Listing.SIZE);
        assertThat(first).contains("Page 1 of 2", "82 rows");
        String second = page("subcommittee", href(first, "result-next"));
        List<String> page2 = nomineeRows(second);
        assertThat(page2).hasSize(82 - Listing.SIZE);
        List<String> both = new ArrayList<>(page1);
        both.addAll(page2);
        assertThat(both.stream().map(s -> s.split(":")[0]).toList()).isEqualTo(all);
        assertThat(second).contains("Page 2 of 2").doesNotContain("id=\"result-next\"");

        // Outcome filter, and the link to page 1 of a filter keeps it.
        String ineligible = page("subcommittee", "/checks/" + id + "?lang=en&outcome=INELIGIBLE");
        assertThat(nomineeRows(ineligible)).hasSize(dbIds(id, "and o.outcome = 'INELIGIBLE'").size())
                .allMatch(r -> r.endsWith(":INELIGIBLE"));

        // A rule: the nominees with a finding of it, each row showing the rule's title beside its id.
        String rule = jdbc.queryForObject("select f.rule_id from finding f join list_result l on l.id = f.list_id "
                + "where l.check_id = ? and f.nominee_id is not null group by f.rule_id order by count(*) desc, "
                + "f.rule_id limit 1", String.class, UUID.fromString(id));
        String byRule = page("subcommittee", "/checks/" + id + "?lang=en&rule=" + rule);
        assertThat(nomineeRows(byRule).stream().map(s -> s.split(":")[0]).toList()).containsExactlyInAnyOrderElementsOf(
                dbIds(id, "and exists (select 1 from finding f where f.list_id = o.list_id and f.nominee_id = "
                        + "o.nominee_id and f.rule_id = ?)", rule));
        String title = org.slatecheck.rules.text.Messages.of(org.slatecheck.rules.text.Messages.EN)
                .raw("title." + rule);
        assertThat(byRule).contains("<span class=\"finding-title\">" + HtmlUtils.htmlEscape(title) + "</span>");

        // Search by a name (part of it), by a nominee id; list status and level filters.
        String name = jdbc.queryForObject("select o.full_name from nominee_outcome o join list_result l on l.id = "
                + "o.list_id where l.check_id = ? and o.nominee_id = ?", String.class, UUID.fromString(id),
                all.get(60));
        String found = page("subcommittee", "/checks/" + id + "?lang=en&q="
                + name.substring(name.indexOf(' ') + 1));
        assertThat(nomineeRows(found)).extracting(s -> s.split(":")[0]).contains(all.get(60));
        assertThat(nomineeRows(page("subcommittee", "/checks/" + id + "?q=" + all.get(5)))).extracting(
                s -> s.split(":")[0]).contains(all.get(5));
        assertThat(nomineeRows(page("subcommittee", "/checks/" + id + "?status=NON_COMPLIANT&size=100"))).hasSize(
                dbIds(id, "and l.list_status = 'NON_COMPLIANT'").size());
        assertThat(nomineeRows(page("subcommittee", "/checks/" + id + "?level=COMMUNE&size=100"))).hasSize(
                dbIds(id, "and l.level = 'COMMUNE'").size());
        assertThat(nomineeRows(page("subcommittee", "/checks/" + id + "?list=1&size=100"))).hasSize(
                dbIds(id, "and l.position = 1").size());

        // Sorted by outcome: ineligible first, and the next page continues the same order.
        List<String> byOutcome = nomineeRows(page("subcommittee", "/checks/" + id + "?sort=outcome"));
        assertThat(byOutcome.get(0)).endsWith(":INELIGIBLE");
        assertThat(byOutcome.get(byOutcome.size() - 1)).doesNotEndWith(":INELIGIBLE");

        // A page beyond the end shows the last page; a made-up filter value is ignored, not put into SQL.
        assertThat(nomineeRows(page("subcommittee", "/checks/" + id + "?page=99"))).isEqualTo(page2);
        assertThat(nomineeRows(page("subcommittee", "/checks/" + id + "?outcome=x'%20or%201=1"))).isEqualTo(page1);
    }

    @Test
    void nomineePageShowsTheInputDataAndLinksToThePreviousAndNextNominee() throws Exception {
        String id = sampleCheck("subcommittee");
        List<String> list0 = dbIds(id, "and l.position = 0 order by o.position");
        String firstPage = page("subcommittee", "/checks/" + id + "/lists/0/nominees/" + list0.get(0) + "?lang=en");
        // T01 of the sample: born 1968-11-02, joined 03/02/2008 (written d/m/y in the file), posts and ratings.
        assertThat(firstPage).contains("Input data", "Date of birth", "02/11/1968", "03/02/2008", "Ninh Bình",
                "2020: ", "Nominee 1 of " + list0.size()).doesNotContain("id=\"nominee-previous\"");
        assertThat(href(firstPage, "nominee-next")).endsWith("/nominees/" + list0.get(1));
        String secondPage = page("subcommittee", href(firstPage, "nominee-next") + "?lang=vi");
        assertThat(secondPage).contains("Dữ liệu đầu vào", "Ngày sinh", "Người thứ 2/" + list0.size());
        assertThat(href(secondPage, "nominee-previous")).endsWith("/nominees/" + list0.get(0));
        String last = page("subcommittee", "/checks/" + id + "/lists/0/nominees/" + list0.get(list0.size() - 1));
        assertThat(last).doesNotContain("id=\"nominee-next\"");
    }

    @Test
    void largeBatchPageShowsOnePageOfListsWithWorkingNextFilterSearchAndSortLinks() throws Exception {
        String source = sampleCheck("subcommittee");
        String batch = "paging-" + System.nanoTime();
        UUID check = LargeBatch.create(records, UUID.fromString(source), batch, "TW", 250);

        String html = page("subcommittee", "/batches/" + batch + "?lang=en");
        List<String[]> rows = listRows(html);
        assertThat(rows).hasSize(Listing.SIZE);
        assertThat(html).contains("Page 1 of 5", "250 rows");
        assertThat(rows.get(0)[1]).isEqualTo("/checks/" + check + "?list=0");
        String next = page("subcommittee", href(html, "batch-next"));
        assertThat(listRows(next).get(0)[2]).isEqualTo(batch.toUpperCase() + "-000050");
        assertThat(next).contains("Page 2 of 5");

        long nonCompliant = jdbc.queryForObject("select count(*) from list_result where check_id = ? and "
                + "list_status = 'NON_COMPLIANT'", Long.class, check);
        String filtered = page("subcommittee", href(html, "batch-non-compliant"));
        assertThat(listRows(filtered)).hasSize((int) Math.min(Listing.SIZE, nonCompliant))
                .allMatch(r -> r[0].equals("NON_COMPLIANT"));
        assertThat(filtered).contains(nonCompliant + " rows");
        // The next page of a filter keeps the filter.
        assertThat(listRows(page("subcommittee", href(filtered, "batch-next")))).allMatch(r -> r[0].equals(
                "NON_COMPLIANT"));

        List<String[]> searched = listRows(page("subcommittee", "/batches/" + batch + "?q=-000123"));
        assertThat(searched).hasSize(1);
        assertThat(searched.get(0)[1]).isEqualTo("/checks/" + check + "?list=123");
        List<String[]> sorted = listRows(page("subcommittee", "/batches/" + batch + "?sort=congress&dir=desc"));
        assertThat(sorted.get(0)[2]).isEqualTo(batch.toUpperCase() + "-000249");

        // The list link opens that list's nominees on the result page.
        String list = page("subcommittee", rows.get(3)[1] + "&lang=en");
        assertThat(nomineeRows(list)).hasSize(jdbc.queryForObject("select nominees from list_result where "
                + "check_id = ? and position = 3", Integer.class, check));

        // The batches page lists it with its status; the history shows one row with the first organisations.
        assertThat(page("subcommittee", "/batches?lang=en&q=" + batch)).contains("/batches/" + batch, "Done");
        String history = page("subcommittee", "/checks?lang=en&q=" + batch.toUpperCase() + "-000001");
        assertThat(history).contains("and 247 other units", "href=\"/batches/" + batch + "\"");
    }

    @Test
    void searchesFiltersAndCountsNeverRevealAnotherUnitsRows() throws Exception {
        String source = sampleCheck("subcommittee");
        String batchA = "scope-paging-a-" + System.nanoTime();
        String batchB = "scope-paging-b-" + System.nanoTime();
        LargeBatch.create(records, UUID.fromString(source), batchA, "PA-C1", 60);
        LargeBatch.create(records, UUID.fromString(source), batchB, "PB", 70);

        // Province B: its own batch, not commune A1's, whatever it searches or filters for.
        assertThat(page("prov-b", "/batches?q=" + batchA)).doesNotContain("/batches/" + batchA).contains("0 dòng");
        assertThat(page("prov-b", "/batches?q=scope-paging&bstatus=DONE")).contains(batchB)
                .doesNotContain("/batches/" + batchA);
        assertThat(page("prov-b", "/checks?q=" + batchA.toUpperCase())).doesNotContain("/batches/" + batchA)
                .contains("0 dòng");
        assertThat(page("prov-b", "/checks?kind=batch&size=200")).doesNotContain("/batches/" + batchA);
        long visibleToB = jdbc.queryForObject("select count(*) from check_run where unit_code in ('PB', 'PB-C1')",
                Long.class);
        assertThat(page("prov-b", "/checks")).contains(visibleToB + " dòng");
        long batchesOfB = jdbc.queryForObject("select count(*) from batch_run b join check_run c on c.id = b.check_id "
                + "where c.unit_code in ('PB', 'PB-C1')", Long.class);
        assertThat(page("prov-b", "/batches")).contains(batchesOfB + " dòng");
        for (String path : List.of("/batches/" + batchA, "/batches/" + batchA + "?status=NON_COMPLIANT",
                "/batches/" + batchA + "?q=000001&page=2", "/checks/" + org.slatecheck.batch.BatchRunner.checkId(batchA)
                        + "?list=0")) {
            assertThat(as("prov-b").getForEntity(path, String.class).getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        // Province A sees its commune's batch, searched and filtered.
        assertThat(page("prov-a", "/batches?q=" + batchA)).contains("/batches/" + batchA);
        assertThat(listRows(page("prov-a", "/batches/" + batchA + "?q=-000059"))).hasSize(1);
        assertThat(page("prov-a", "/batches?q=scope-paging")).doesNotContain("/batches/" + batchB);
    }
}
