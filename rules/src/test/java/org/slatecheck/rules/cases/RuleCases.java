package org.slatecheck.rules.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;


/** Loads every {@code *.cases.yaml} in the rule folders (they ship beside the rules). */
final class RuleCases {
    static final Path ROOT = Paths.get("src/main/resources/org/slatecheck/rules");

    private RuleCases() {
    }

    static List<Path> files() {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".cases.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<RuleCase> all() {
        List<RuleCase> out = new ArrayList<>();
        for (Path p : files()) {
            out.addAll(load(p));
        }
        return out;
    }

    static List<RuleCase> load(Path file) {
        try {
            return CaseFile.parse(ROOT.relativize(file).toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
