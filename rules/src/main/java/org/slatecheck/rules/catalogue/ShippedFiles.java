package org.slatecheck.rules.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files shipped under {@value RuleCatalogue#ROOT} — the rule folders, the family files — found on the classpath
 * wherever it has them: a folder in the build, the rules jar, or the jar nested in the application jar. One lister for
 * the rule catalogue (each folder's metadata and texts) and {@code engine/RuleSetSource.shippedRules} (the DRL and
 * case files of a release): no index to keep in step.
 */
public final class ShippedFiles {
    private ShippedFiles() {
    }

    /** The files under {@value RuleCatalogue#ROOT} whose path below it {@code wanted} accepts: that path → text. */
    public static Map<String, String> read(Predicate<String> wanted) {
        return read(ShippedFiles.class.getClassLoader(), wanted);
    }

    /** As {@link #read(Predicate)}, from {@code cl}'s classpath. */
    static Map<String, String> read(ClassLoader cl, Predicate<String> wanted) {
        String root = RuleCatalogue.ROOT;
        URL anchor = cl.getResource(root + "messages_vi.properties");
        if (anchor == null) {
            throw new IllegalStateException("the rules are not on the classpath");
        }
        Map<String, String> files = new TreeMap<>();
        try {
            if (anchor.getProtocol().equals("file")) {
                Path dir = Paths.get(anchor.toURI()).getParent();
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) walk::iterator) {
                        String rel = dir.relativize(p).toString().replace('\\', '/');
                        if (Files.isRegularFile(p) && wanted.test(rel)) {
                            files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                        }
                    }
                }
            } else {
                JarURLConnection connection = (JarURLConnection) anchor.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry e = entries.nextElement();
                        if (!e.isDirectory() && e.getName().startsWith(root)
                                && wanted.test(e.getName().substring(root.length()))) {
                            try (InputStream in = jar.getInputStream(e)) {
                                files.put(e.getName().substring(root.length()),
                                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}
