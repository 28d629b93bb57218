package org.slatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * No package of the service depends on a package that depends back on it, directly or through others (the rules
 * module's packages are checked by its own test of this name, whose reading of the sources this one reuses). The
 * root package holds only the entry points — {@code SlateCheck} (main) and {@code SlateCheckApplication}, which
 * Spring Boot needs at the root to find the components below it — and {@code cli} boots the application by that
 * class; the root is therefore left out, and only {@code cli} may use it.
 */
class PackageCyclesTest {
    private static final String ROOT = "org.slatecheck";

    private static Map<String, Map<String, Set<String>>> features() throws IOException {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        org.slatecheck.rules.PackageCyclesTest.graph(Path.of("src/main/java"), ROOT).forEach((pkg, uses) -> {
            if (!pkg.equals(ROOT)) {
                Map<String, Set<String>> kept = new TreeMap<>(uses);
                kept.keySet().removeIf(u -> u.equals(ROOT) || u.startsWith(ROOT + ".rules"));
                graph.put(pkg, kept);
            }
        });
        return graph;
    }

    @Test
    void noPackageDependsOnAPackageThatDependsBackOnIt() throws IOException {
        Map<String, Map<String, Set<String>>> graph = features();
        assertThat(graph).containsKeys(ROOT + ".governance", ROOT + ".screening", ROOT + ".records",
                ROOT + ".impact", ROOT + ".web");
        assertThat(org.slatecheck.rules.PackageCyclesTest.cycles(graph)).as("package cycles (package → package: files)")
                .isEmpty();
    }

    @Test
    void governanceUsesNeitherTheScreeningNorTheRecordsNorTheImpactAnalysis() throws IOException {
        assertThat(features().get(ROOT + ".governance").keySet()).doesNotContain(ROOT + ".screening",
                ROOT + ".records", ROOT + ".impact", ROOT + ".web");
    }

    @Test
    void onlyTheCommandLineUsesTheRootPackage() throws IOException {
        Map<String, Map<String, Set<String>>> all = org.slatecheck.rules.PackageCyclesTest.graph(Path.of("src/main/java"),
                ROOT);
        all.forEach((pkg, uses) -> {
            if (!pkg.equals(ROOT + ".cli")) {
                assertThat(uses).as(pkg).doesNotContainKey(ROOT);
            }
        });
    }
}
