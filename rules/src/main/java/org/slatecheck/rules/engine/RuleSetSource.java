package org.slatecheck.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of a rule set: its DRL files (path → text) and its parameter file. The checksum is SHA-256 over all
 * of it in a fixed order, so two rule sets with the same content have the same checksum.
 */
public record RuleSetSource(String id, Map<String, String> drlFiles, String parameters) {
    /** Where the shipped DRL files are listed, one classpath path per line. */
    public static final String DRL_INDEX = "org/slatecheck/rules/drl.index";

    public RuleSetSource {
        drlFiles = Collections.unmodifiableMap(new TreeMap<>(drlFiles));
    }

    /** The shipped rule set for {@code term} ({@code 2020-2025} or {@code 2025-2030}) from the classpath. */
    public static RuleSetSource shipped(String term) {
        ClassLoader cl = RuleSetSource.class.getClassLoader();
        Map<String, String> drl = new TreeMap<>();
        for (String line : read(cl, DRL_INDEX).split("\n")) {
            String path = line.strip();
            if (!path.isEmpty() && !path.startsWith("#")) {
                drl.put(path, read(cl, path));
            }
        }
        return new RuleSetSource(term, drl, read(cl, "slatecheck/rulesets/" + term + ".csv"));
    }

    private static String read(ClassLoader cl, String path) {
        try (InputStream in = cl.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 (hex) of the DRL files and parameters. */
    public String checksum() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : drlFiles.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            md.update(parameters.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checksum of the DRL files alone: rule sets that share it share one compiled KieBase. */
    String drlChecksum() {
        return new RuleSetSource(id, drlFiles, "").checksum();
    }
}
