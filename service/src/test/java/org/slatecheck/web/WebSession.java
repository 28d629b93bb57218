package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A signed-in browser session over plain HTTP: cookies, the login form, CSRF tokens taken from the pages. */
class WebSession {
    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    final int port;
    String lastLocation;

    WebSession(int port, String user) throws Exception {
        this(port, user, user);
    }

    /** Signs in through the login form with a password other than the user name (a user made by the test). */
    WebSession(int port, String user, String password) throws Exception {
        this.port = port;
        String login = get("/login");
        HttpResponse<String> r = send(form("/login", Map.of("username", user, "password", password, "_csrf",
                csrf(login))));
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    String get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build()).body();
    }

    /** The status of a GET in this session (redirects are not followed: a 302 to the login page stays a 302). */
    int status(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build()).statusCode();
    }

    /** Posts a form with the CSRF token of {@code page} and follows the redirect; returns the page shown. */
    String post(String path, Map<String, String> fields, String page) throws Exception {
        return follow(postRaw(path, fields, page));
    }

    /** Posts a form with the CSRF token of {@code page}; returns the response as it is. */
    HttpResponse<String> postRaw(String path, Map<String, String> fields, String page) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(get(page)));
        return send(form(path, all));
    }

    String upload(String path, String filePath, String content, String page) throws Exception {
        return follow(uploadRaw(path, filePath, "x.cases.yaml", content, page));
    }

    /** A multipart form (CSRF token of {@code page}, {@code path}, {@code file}); the response as it is. */
    HttpResponse<String> uploadRaw(String path, String filePath, String fileName, String content, String page)
            throws Exception {
        String boundary = "gov-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + csrf(get(page)) + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\n"
                + filePath + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content
                + "\r\n--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type",
                "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofString(body,
                        StandardCharsets.UTF_8)).build());
    }

    String follow(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        lastLocation = r.headers().firstValue("Location").orElseThrow();
        return get(URI.create(lastLocation).getPath());
    }

    private HttpRequest form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The value of the hidden field {@code name} on a page (the first one). */
    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"")
                .matcher(html);
        assertThat(m.find()).as("a hidden field " + name + " on the page").isTrue();
        return m.group(1);
    }

    /** Presses a version page's Approve button: posts the checksum the page shows in the approval form. */
    String approve(long id) throws Exception {
        String page = "/rulesets/" + id;
        return post(page + "/approve", Map.of("checksum", hidden(get(page), "checksum")), page);
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }
}
