package org.slatecheck;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application run as processes of their own, as {@code SharedDataDirTest} and {@code web/SeveralInstancesTest}
 * run it: started with this JVM's {@code java}, its ready line watched for the port, lists uploaded through its API,
 * stopped normally.
 */
public final class AppProcess {
    /** The web application's ready line; group 1 is its port. */
    public static final Pattern READY = Pattern.compile("SlateCheck đang chạy tại http://localhost:(\\d+) ");

    private AppProcess() {
    }

    /**
     * {@code java <jvmOptions> -cp <classPath> org.slatecheck.SlateCheck <args>} in {@code workingDir} (created;
     * null: this one), with {@code environment} set (a null value: the variable removed); output and errors in one
     * stream.
     */
    public static Process start(String classPath, List<String> jvmOptions, Path workingDir,
            Map<String, String> environment, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath, "org.slatecheck.SlateCheck"));
        cmd.addAll(args);
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (workingDir != null) {
            b.directory(Files.createDirectories(workingDir).toFile());
        }
        environment.forEach((name, value) -> {
            if (value == null) {
                b.environment().remove(name);
            } else {
                b.environment().put(name, value);
            }
        });
        return b.start();
    }

    /**
     * Reads what {@code p} prints on a thread of its own into the buffer returned (each line after the
     * {@link System#nanoTime()} it was read at, when {@code timestamps}); completes {@code port} with the port of the
     * ready line, or -1 when the process ends without one.
     */
    public static StringBuffer watch(Process p, CompletableFuture<Integer> port, boolean timestamps) {
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (timestamps) {
                        output.append(System.nanoTime()).append(' ');
                    }
                    output.append(line).append('\n');
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            port.complete(-1);
        });
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    /**
     * The lists {@code congresses.csv} and {@code nominees.csv} of {@code folder} posted to {@code uri} (a check or a
     * batch) as the upload form sends them (multipart).
     */
    public static HttpResponse<String> upload(HttpClient http, URI uri, String authorization, Duration timeout,
            Path folder) throws IOException, InterruptedException {
        String boundary = "----slatecheck" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String part : List.of("congresses", "nominees")) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                    + part + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(folder.resolve(part + ".csv")));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A normal stop (SIGTERM: the shutdown hooks run); true when the process ended within a minute, else killed. */
    public static boolean stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return true;
    }

    /** {@code dir} and everything in it deleted, when it exists (a test's work folder from an earlier run). */
    public static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
