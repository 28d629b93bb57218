package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slatecheck.SlateCheck;
import org.slatecheck.config.PrivateFolders;
import org.slatecheck.config.SlateCheckProperties;
import org.slatecheck.explanation.ExportCsv;
import org.slatecheck.records.CheckRecords;
import org.slatecheck.rules.intake.InputLimits;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11: request size limits (413 before the body is read), intake limits as line/column errors, the biggest
 * allowed list stores and reopens, every CSV export neutralises formula-like cells, folders are 0700, and no
 * personal data reaches any log line (all logging of this test's run captured at DEBUG on the root logger).
 * The request limit is lowered to 64 KB here; the intake limits are the defaults.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "slatecheck.limits.max-request-size=64KB")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LimitsExportsFilesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String NAME = "Zzyzx Quửnh";
    static final String ID = "NOMINEE-SECRET-7";
    static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    static final String SUM = "@SUM(1)";
    static final String CMD = "+cmd|' /C calc'!A0";
    static final String MINUS = "-2+3";
    static final List<String> SECRETS = List.of(NAME, "Zzyzx", "Quửnh", ID, "1971-03-17");
    static final String CONGRESSES = "congress_id,organisation,level,term,list_kind,committee_seats\n"
            + "\"" + SUM + "\",\"" + HYPERLINK.replace("\"", "\"\"") + "\",PROVINCE,2025-2030,ELECTION_LIST,3\n";
    static final String NOMINEE_HEADER = "congress_id,nominee_id,full_name,sex,birth_date,membership,incumbent,"
            + "proposed_posts\n";

    static Capture logs;
    static final java.util.Set<Appender<ILoggingEvent>> detachedConsole = new java.util.LinkedHashSet<>();
    static Level rootLevel;

    @LocalServerPort
    int port;
    TestRestTemplate http;
    @Autowired
    CheckRecords records;
    @Autowired
    SlateCheckProperties props;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        http = anonymous.withBasicAuth("subcommittee", "subcommittee");
    }

    /**
     * Every log event while the tests run, checked as it happens (so millions of DEBUG lines cost no memory): the
     * lines that name a secret are kept, and a few request lines to show the capture saw the requests.
     */
    static final class Capture extends AppenderBase<ILoggingEvent> {
        final List<String> leaks = java.util.Collections.synchronizedList(new ArrayList<>());
        final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();

        @Override
        protected void append(ILoggingEvent e) {
            count.incrementAndGet();
            if (e.getLoggerName().startsWith("org.springframework.web.client.")
                    || e.getLoggerName().startsWith("jdk.internal.httpclient")) {
                return; // the test's own HTTP clients (they log what the test sends), not SlateCheck's
            }
            String line = e.getLoggerName() + " " + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
            for (String secret : SECRETS) {
                if (line.contains(secret)) {
                    leaks.add(e.getLevel() + " " + e.getLoggerName() + ": " + secret);
                }
            }
            for (String path : List.of("/api/checks", "/api/batches")) {
                if (line.contains(path)) {
                    seen.add(path);
                }
            }
        }
    }

    /**
     * Attached before every test (Spring Boot initialises logging when the context starts, after {@code @BeforeAll},
     * and would drop an appender attached earlier), root at DEBUG; the console appender is detached meanwhile (the
     * PDF library alone writes millions of DEBUG lines). Everything is restored after the class.
     */
    @BeforeEach
    void captureLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (logs == null) {
            rootLevel = root.getLevel();
            logs = new Capture();
            logs.setName("issue-11-capture");
            logs.start();
        }
        root.setLevel(Level.DEBUG);
        if (!root.isAttached(logs)) {
            root.addAppender(logs);
        }
        for (var it = root.iteratorForAppenders(); it.hasNext();) {
            Appender<ILoggingEvent> a = it.next();
            if (a instanceof ch.qos.logback.core.ConsoleAppender) {
                detachedConsole.add(a);
            }
        }
        detachedConsole.forEach(root::detachAppender);
    }

    @AfterAll
    static void releaseLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (logs != null) {
            root.detachAppender(logs);
            logs.stop();
        }
        for (Appender<ILoggingEvent> a : detachedConsole) {
            if (!root.isAttached(a)) {
                root.addAppender(a);
            }
        }
        root.setLevel(rootLevel);
        logs = null;
        detachedConsole.clear();
    }

    static String row(String congress, String id, String name, String sex) {
        return csvCell(congress) + "," + csvCell(id) + "," + csvCell(name) + "," + sex
                + ",1971-03-17,OFFICIAL,true,COMMITTEE\n";
    }

    static String csvCell(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String nominees() {
        return NOMINEE_HEADER + row(SUM, ID, NAME, "F") + row(SUM, MINUS, CMD, "M") + row(SUM, HYPERLINK, SUM, "M")
                + row(SUM, "N4", "-5", "F");
    }

    static HttpEntity<?> upload(String congresses, String nominees) {
        return CheckApiTest.upload("congresses.csv", congresses.getBytes(StandardCharsets.UTF_8), "nominees.csv",
                nominees.getBytes(StandardCharsets.UTF_8));
    }

    /** Every cell of a CSV export: none may start a formula; the dangerous ones come out quoted. */
    static List<String> assertNeutral(byte[] body, String... expected) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String> cells = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(text))) {
            r.forEach(cells::add);
        }
        for (String c : cells) {
            assertThat(c).as(c).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
                    .doesNotStartWith("\t").doesNotStartWith("\r");
            if (c.startsWith("-")) {
                assertThat(c).as(c).matches("-\\d+(\\.\\d+)?");
            }
        }
        if (expected.length > 0) {
            assertThat(cells).contains(expected);
        }
        return cells;
    }

    @Test
    @Order(1)
    void exportCellRule() {
        assertThat(ExportCsv.cell(HYPERLINK)).isEqualTo("'" + HYPERLINK);
        assertThat(ExportCsv.cell(SUM)).isEqualTo("'" + SUM);
        assertThat(ExportCsv.cell(CMD)).isEqualTo("'" + CMD);
        assertThat(ExportCsv.cell(MINUS)).isEqualTo("'" + MINUS);
        assertThat(ExportCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(ExportCsv.cell("\rx")).isEqualTo("'\rx");
        assertThat(ExportCsv.cell("-12")).isEqualTo("-12");
        assertThat(ExportCsv.cell("-0.25")).isEqualTo("-0.25");
        assertThat(ExportCsv.cell("Nguyễn")).isEqualTo("Nguyễn");
        assertThat(ExportCsv.cell(null)).isEmpty();
        assertThat(ExportCsv.cell(7)).isEqualTo("7");
    }

    @Test
    @Order(2)
    void checkReportCsvAndCommandLineCsvAreNeutralised() throws Exception {
        ResponseEntity<String> created = http.postForEntity("/api/checks?lang=en", upload(CONGRESSES, nominees()),
                String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String id = JSON.readTree(created.getBody()).get("checkId").asText();
        for (String lang : List.of("vi", "en")) {
            byte[] csv = http.getForObject("/api/checks/" + id + "/report.csv?lang=" + lang, byte[].class);
            assertNeutral(csv, "'" + HYPERLINK, "'" + SUM, "'" + CMD, "'" + MINUS, "-5", ID, NAME);
        }
        Path dir = Files.createTempDirectory("slatecheck-csv");
        Files.writeString(dir.resolve("c.csv"), CONGRESSES);
        Files.writeString(dir.resolve("n.csv"), nominees());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = SlateCheck.run(new String[] {"check", "--congresses", dir.resolve("c.csv").toString(),
            "--nominees", dir.resolve("n.csv").toString(), "--format", "csv", "--lang", "en"},
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertNeutral(out.toByteArray(), "'" + HYPERLINK, "'" + SUM, "'" + CMD,
                "'" + MINUS);
    }

    @Test
    @Order(3)
    void batchCsvsAreNeutralisedAndItsFoldersAreOwnerOnly() throws Exception {
        String id = "limits-" + System.nanoTime();
        ResponseEntity<String> started = http.postForEntity("/api/batches?id=" + id, upload(CONGRESSES, nominees()),
                String.class);
        assertThat(started.getStatusCode().is2xxSuccessful()).as(started.getBody()).isTrue();
        JsonNode state = null;
        for (int i = 0; i < 300; i++) {
            state = JSON.readTree(http.getForObject("/api/batches/" + id + "?lang=en", String.class));
            String status = state.get("status").asText();
            if (!status.equals("VALIDATING") && !status.equals("RUNNING")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(state.get("status").asText()).as(state.toString()).isEqualTo("DONE");
        assertNeutral(http.getForObject("/api/batches/" + id + "/organisations.csv", byte[].class), "'" + SUM,
                "'" + HYPERLINK);
        assertNeutral(http.getForObject("/api/batches/" + id + "/summary.csv", byte[].class));
        Path batches = props.dataDir().toAbsolutePath().resolveSibling("batches");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(batches))).isEqualTo("rwx------");
        try (var children = Files.list(batches)) {
            for (Path p : children.filter(Files::isDirectory).toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                        .isEqualTo("rwx------");
            }
        }
    }

    @Test
    @Order(4)
    void impactCsvIsNeutralised() throws Exception {
        JsonNode report = JSON.readTree("{\"nominees\": [{\"checkId\": \"c\", \"congressId\": " + JSON
                .writeValueAsString(SUM) + ", \"nomineeId\": " + JSON.writeValueAsString(HYPERLINK)
                + ", \"before\": \"ELIGIBLE\", \"after\": \"REVIEW\", \"rulesAdded\": " + JSON.writeValueAsString(CMD)
                + ", \"rulesRemoved\": " + JSON.writeValueAsString(MINUS) + "}], \"lists\": []}");
        assertNeutral(RuleSetPageController.impactCsv(report), "'" + SUM, "'" + HYPERLINK, "'" + CMD,
                "'" + MINUS);
    }

    @Test
    @Order(5)
    void databaseFoldersAreOwnerOnlyAndPrivateFoldersTightensOpenOnes() throws IOException {
        Path data = props.dataDir().toAbsolutePath();
        Path work = data.resolveSibling(data.getFileName() + "-work");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work))).isEqualTo("rwx------");

        Path parent = Files.createTempDirectory("slatecheck-perm");
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path nested = parent.resolve(".slatecheck").resolve("db");
        PrivateFolders.create(nested);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(parent))).isEqualTo("rwxr-xr-x");
        Path open = Files.createDirectory(parent.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        PrivateFolders.create(open);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rwx------");
    }

    @Test
    @Order(6)
    void aBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
        long before = records.count();
        StringBuilder rows = new StringBuilder("{\"congresses\": [], \"nominees\": [");
        for (int i = 0; i < 2_000; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"nominee_id\": \"").append(ID).append(i)
                    .append("\", \"full_name\": \"").append(NAME).append("\"}");
        }
        String body = rows.append("]}").toString();
        assertThat(body.length()).isGreaterThan(64 * 1024);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> r = http.postForEntity("/api/checks?lang=en", new HttpEntity<>(body, headers),
                String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(413);
        JsonNode problem = JSON.readTree(r.getBody());
        assertThat(problem.get("title").asText()).isEqualTo("Request too large");
        assertThat(problem.get("detail").asText()).contains("65536 bytes");
        ResponseEntity<String> vi = http.postForEntity("/api/checks", new HttpEntity<>(body, headers), String.class);
        assertThat(vi.getStatusCode().value()).isEqualTo(413);
        assertThat(JSON.readTree(vi.getBody()).get("title").asText()).isEqualTo("Dữ liệu gửi lên quá lớn");

        // Chunked (no Content-Length): read only up to the limit, then refused the same way.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/checks?lang=en"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "subcommittee:subcommittee".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        body.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> c = client.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(c.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(c.body()).get("title").asText()).isEqualTo("Request too large");
        assertThat(records.count()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void intakeLimitsAreLineColumnErrorsAndNothingIsStored() throws Exception {
        long before = records.count();
        String longName = NAME + " " + "x".repeat(InputLimits.DEFAULTS.maxCellChars());
        ResponseEntity<String> r = http.postForEntity("/api/checks?lang=en", upload(CONGRESSES, NOMINEE_HEADER
                + row(SUM, ID, longName, "F")), String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody()).contains("nominees.csv:2:full_name: the cell has 1012 characters, more than the "
                + "limit of 1000").doesNotContain("xxxxxxxxxxxxxxxxxxxx".repeat(20));

        StringBuilder many = new StringBuilder(NOMINEE_HEADER);
        for (int i = 0; i <= InputLimits.DEFAULTS.maxNomineesPerCongress(); i++) {
            many.append(row(SUM, ID + "-" + i, NAME, "F"));
        }
        r = http.postForEntity("/api/checks?lang=en", upload(CONGRESSES, many.toString()), String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody()).contains("congresses.csv:2:congress_id: congress @SUM(1) has 2001 nominees, more than"
                + " the limit of 2000 for one list");

        // a bad file: an unknown sex code on the secret nominee's row
        r = http.postForEntity("/api/checks?lang=en", upload(CONGRESSES, NOMINEE_HEADER + row(SUM, ID, NAME, "Q")),
                String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(records.count()).isEqualTo(before);
    }

    @Test
    @Order(8)
    void theBiggestAllowedListStoresAndReopensAsPagePdfAndJson() throws Exception {
        int max = InputLimits.DEFAULTS.maxNomineesPerCongress();
        StringBuilder list = new StringBuilder(NOMINEE_HEADER);
        String filler = "y".repeat(InputLimits.DEFAULTS.maxCellChars() - NAME.length() - 12);
        for (int i = 0; i < max; i++) {
            String name = NAME + " " + filler + String.format(" %010d", i);
            assertThat(name).hasSize(InputLimits.DEFAULTS.maxCellChars());
            String id = "N" + "0".repeat(InputLimits.DEFAULTS.maxIdChars() - 11) + String.format("%010d", i);
            list.append(row(SUM, id, name, i % 2 == 0 ? "F" : "M"));
        }
        ResponseEntity<String> created = http.postForEntity("/api/checks?lang=en", upload(CONGRESSES,
                list.toString()), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String id = JSON.readTree(created.getBody()).get("checkId").asText();
        JsonNode json = JSON.readTree(http.getForObject("/api/checks/" + id + "?lang=en", String.class));
        assertThat(json.at("/results/0/nominees")).hasSize(max);
        ResponseEntity<String> page = http.getForEntity("/checks/" + id + "?lang=en", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        ResponseEntity<byte[]> pdf = http.getForEntity("/api/checks/" + id + "/report.pdf?lang=en", byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        ResponseEntity<byte[]> csv = http.getForEntity("/api/checks/" + id + "/report.csv?lang=en", byte[].class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    @Order(100)
    void noPersonalDataInAnyLogLine() {
        // the capture saw the check and batch requests of this class (Spring's DEBUG lines name their paths)
        assertThat(logs.count.get()).isPositive();
        assertThat(logs.seen).contains("/api/checks", "/api/batches");
        assertThat(logs.leaks).as("log lines naming personal data").isEmpty();
    }
}
