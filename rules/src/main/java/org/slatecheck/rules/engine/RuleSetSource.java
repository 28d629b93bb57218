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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content of a rule set version: its DRL files (path → text), its parameter file and its rule case files
 * (path → YAML). The {@link #checksum()} covers all three, so it is the one checksum of a version: the one stored
 * with the version, shown on its page and recorded with every list checked under it.
 */
public record RuleSetSource(String id, Map<String, String> drlFiles, String parameters, Map<String, String> cases) {
    /** Where the shipped DRL files are listed, one classpath path per line. */
    public static final String DRL_INDEX = "org/slatecheck/rules/drl.index";

    private static final Pattern RULE_ID = Pattern.compile("@id\\(\"([A-Z]{3}-\\d{3})\"\\)");

    public RuleSetSource {
        drlFiles = Collections.unmodifiableMap(new TreeMap<>(drlFiles));
        cases = Collections.unmodifiableMap(new TreeMap<>(cases == null ? Map.of() : cases));
    }

    /** A source without rule case files. */
    public RuleSetSource(String id, Map<String, String> drlFiles, String parameters) {
        this(id, drlFiles, parameters, Map.of());
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
        return new RuleSetSource(term, drl, read(cl, "slatecheck/rulesets/" + term + ".csv"), shippedCases(cl, drl));
    }

    /** The rule case files shipped beside the rules: {@code <rule folder>/<rule id>.cases.yaml} on the classpath. */
    private static Map<String, String> shippedCases(ClassLoader cl, Map<String, String> drl) {
        Map<String, String> cases = new TreeMap<>();
        drl.forEach((path, text) -> {
            String folder = path.substring(0, path.lastIndexOf('/') + 1);
            Matcher m = RULE_ID.matcher(text);
            while (m.find()) {
                String file = folder + m.group(1) + ".cases.yaml";
                try (InputStream in = cl.getResourceAsStream(file)) {
                    if (in != null) {
                        cases.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return cases;
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

    /** The same content with another parameter file. */
    public RuleSetSource withParameters(String text) {
        return new RuleSetSource(id, drlFiles, text, cases);
    }

    /** The same content with other rule case files. */
    public RuleSetSource withCases(Map<String, String> files) {
        return new RuleSetSource(id, drlFiles, parameters, files);
    }

    /**
     * The checksum of the version (SHA-256, hex): of the text {@code R} followed by {@code \0 path \0 text} for every
     * case file in path order, where {@code R} is the SHA-256 (hex) of the DRL files ({@code path \0 text \0} in path
     * order) and the parameter file. A version stored before the two checksums were made one kept this value as its
     * "content checksum", so stored versions keep their checksum.
     */
    public String checksum() {
        StringBuilder s = new StringBuilder(rulesChecksum());
        cases.forEach((path, text) -> s.append('\0').append(path).append('\0').append(text));
        return sha256(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 (hex) of the DRL files and parameters alone. */
    private String rulesChecksum() {
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checksum of the DRL files alone: rule sets that share it share one compiled KieBase. */
    String drlChecksum() {
        return new RuleSetSource(id, drlFiles, "").rulesChecksum();
    }
}
