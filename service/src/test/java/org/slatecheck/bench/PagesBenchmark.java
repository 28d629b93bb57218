package org.slatecheck.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slatecheck.SlateCheckApplication;
import org.slatecheck.records.CheckRecords;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.screening.CheckService;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pages benchmark of issue 12 item 5, a command of its own (not part of the test run): {@code ./mvnw -B
 * -Ppages-bench -pl service -am verify -DskipTests}, see docs/performance.md. It starts the application on a fresh
 * embedded PostgreSQL, screens the shipped sample (3 lists, 82 nominees), copies its lists into one batch of 10,000
 * lists in SQL ({@link LargeBatch}: about 273,000 nominee rows with their findings), then requests the batch page and
 * searches and filters on it over loopback, signed in once through the login form (then the session cookie, as a
 * browser): warm-up requests first, then the median and
 * 90th percentile of the measured ones and the size of each response. The goal: under 200 KB and under 300 ms.
 * The report goes to stdout and {@code target/pages-bench/report.md}.
 */
public final class PagesBenchmark {
    private static final long MAX_BYTES = 200 * 1024;
    private static final double MAX_MILLIS = 300;

    private PagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path work = Path.of(options.getOrDefault("--work", "target/pages-bench"));
        int lists = Integer.parseInt(options.getOrDefault("--lists", "10000"));
        int warmup = Integer.parseInt(options.getOrDefault("--warmup", "10"));
        int runs = Integer.parseInt(options.getOrDefault("--runs", "15"));
        Path db = work.resolve("db");
        deleteTree(db);
        Files.createDirectories(work);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SlateCheckApplication.class)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                // Arguments, not default properties: the test classpath's application.properties would win over those.
                .run("--slatecheck.data-dir=" + db, "--server.port=0", "--spring.profiles.active=demo")) {
            CheckRecords records = ctx.getBean(CheckRecords.class);
            Path samples = Path.of("../data/samples");
            UUID source = ctx.getBean(CheckService.class).check("subcommittee",
                    new Intake.Input("congresses.csv", Files.readAllBytes(samples.resolve("congresses.csv"))),
                    new Intake.Input("nominees.csv", Files.readAllBytes(samples.resolve("nominees.csv")))).id();
            String batch = "pages-bench";
            long t0 = System.nanoTime();
            UUID check = LargeBatch.create(records, source, batch, "TW", lists);
            long nominees = records.jdbc().queryForObject("select nominees from check_run where id = ?", Long.class,
                    check);
            long findings = records.jdbc().queryForObject("select count(*) from finding f join list_result l on "
                    + "l.id = f.list_id where l.check_id = ?", Long.class, check);
            double setup = (System.nanoTime() - t0) / 1e9;
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            String base = "http://localhost:" + port;
            String prefix = batch.toUpperCase(Locale.ROOT);
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("batch page, page 1", "/batches/" + batch);
            pages.put("batch page, page 120", "/batches/" + batch + "?page=120");
            pages.put("search a congress id", "/batches/" + batch + "?q=" + prefix + "-004321");
            pages.put("search an organisation", "/batches/" + batch + "?q=Y%C3%AAn%20Th%C3%A0nh%20%C2%B7%20778");
            pages.put("filter non-compliant, page 37", "/batches/" + batch + "?status=NON_COMPLIANT&page=37");
            pages.put("filter level + sort by ineligible", "/batches/" + batch + "?level=COMMUNE&sort=ineligible&dir=desc");
            pages.put("filter rule DIS-001", "/batches/" + batch + "?rule=DIS-001");
            pages.put("one list's result (list 4321)", "/checks/" + check + "?list=4321");
            pages.put("result page of the batch, page 2", "/checks/" + check + "?page=2");
            pages.put("history", "/checks");
            pages.put("batches", "/batches");
            // Signed in once through the login form, then the session cookie as a browser keeps it: the password is
            // checked (bcrypt, ~0.1 s here) once, not on every request as HTTP Basic on the pages would.
            HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            signIn(client, base);
            StringBuilder report = new StringBuilder();
            report.append(String.format(Locale.ROOT, "# Pages benchmark%n%n%d lists, %d nominees, %d findings "
                    + "(written in %.1f s); %d warm-up + %d measured requests per page%n%n", lists, nominees, findings,
                    setup, warmup, runs));
            report.append("| page | median ms | p90 ms | bytes | rows | within 200 KB and 300 ms |\n");
            report.append("|---|---:|---:|---:|---:|---|\n");
            boolean all = true;
            for (Map.Entry<String, String> page : pages.entrySet()) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + page.getValue())).GET().build();
                for (int i = 0; i < warmup; i++) {
                    send(client, request);
                }
                double[] millis = new double[runs];
                int bytes = 0;
                String body = "";
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> r = send(client, request);
                    millis[i] = (System.nanoTime() - start) / 1e6;
                    bytes = r.body().length;
                    body = new String(r.body(), StandardCharsets.UTF_8);
                }
                Arrays.sort(millis);
                double median = millis[runs / 2];
                double p90 = millis[Math.min(runs - 1, (int) Math.ceil(runs * 0.9) - 1)];
                int rows = count(body, "<tr class=\"batch-list\"") + count(body, "<tr class=\"nominee\"")
                        + count(body, "<tr class=\"check-row\"") + count(body, "<tr class=\"batch-row\"");
                boolean ok = bytes < MAX_BYTES && median < MAX_MILLIS;
                all &= ok;
                report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %,d | %d | %s |%n", page.getKey(),
                        median, p90, bytes, rows, ok ? "yes" : "NO"));
            }
            report.append(all ? "\nAll pages within the goal.\n" : "\nSome pages miss the goal.\n");
            System.out.println(report);
            Files.writeString(work.resolve("report.md"), report);
        }
        System.exit(0);
    }

    private static void signIn(HttpClient client, String base) throws Exception {
        String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=subcommittee&password=subcommittee&_csrf=" + java.net.URLEncoder.encode(csrf.group(1),
                StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode());
        }
    }

    private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + r.statusCode());
        }
        return r;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
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
