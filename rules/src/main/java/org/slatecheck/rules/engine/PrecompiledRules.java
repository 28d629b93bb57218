package org.slatecheck.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.MemoryKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.slatecheck.rules.guided.GuidedRules;
import org.slatecheck.rules.params.RuleSetParameters;

/**
 * The executable model of the shipped rules, compiled when SlateCheck is built (issue 17 item 14): compiling the DRL
 * at run time (Drools generates Java and compiles it) took 12–20 s of a cold {@code check}; loading the classes
 * compiled at build time takes about 1.5 s. The build runs {@link #main} after the rules module's classes are
 * compiled (exec-maven-plugin, phase {@code process-classes}); it writes one {@value #FOLDER}{@code KEY.kjar} per
 * distinct rule text of the shipped terms, KEY being the SHA-256 of the rule text ({@link RuleSetSource#sha256}) —
 * the same key {@link RuleSet#compile} caches KieBases by. A rule text with no such file (a board's guided rules, a
 * rule set from the database with other rules) is compiled at run time as before, so a precompiled module is used
 * only for exactly the text it was built from. The election rules (family ELE, a KieBase of their own) are
 * precompiled the same way, by the same build step ({@code org.slatecheck.rules.election.BuildTimeRules}, which
 * lies above this package and hands both texts to {@link #write}), and loaded through {@link #kieBase}.
 */
public final class PrecompiledRules {
    static final String FOLDER = "org/slatecheck/rules/compiled/";
    private static final String SUFFIX = ".kjar";
    static final String SWITCH = "slatecheck.rules.precompiled";

    private PrecompiledRules() {
    }

    /** A KieBase and whether it came from a module compiled at build time (true) or was compiled now (false). */
    public record Loaded(KieBase kieBase, boolean precompiled) {
    }

    /** The key of rule text {@code drl} (path → DRL): the SHA-256 its build-time module is named by. */
    public static String key(Map<String, String> drl) {
        return RuleSetSource.sha256(drl);
    }

    /**
     * The KieBase of {@code drl}: loaded from its module compiled at build time when there is one for exactly this
     * text, else compiled now ({@code what} names it when it does not compile). The module is removed from the KIE
     * repository once the KieBase is made (the KieBase keeps what it needs).
     */
    public static Loaded kieBase(String what, Map<String, String> drl) {
        KieServices ks = KieServices.get();
        String key = key(drl);
        ReleaseId releaseId = releaseId(ks, key);
        org.kie.api.runtime.KieContainer container = loadContainer(ks, releaseId, key);
        boolean precompiled = container != null;
        if (container == null) {
            KieBuilder builder = builder(ks, releaseId, drl).buildAll(ExecutableModelProject.class);
            List<String> errors = new ArrayList<>();
            for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
                errors.add(m.getPath() + ":" + m.getLine() + ": " + m.getText());
            }
            if (!errors.isEmpty()) {
                throw new RuleSetException(what + " do not compile", errors);
            }
            container = ks.newKieContainer(releaseId);
        }
        KieBase base = container.getKieBase();
        ks.getRepository().removeKieModule(releaseId);
        return new Loaded(base, precompiled);
    }

    /** The release id of the module for rule text {@code key} (the same at build time and at run time). */
    static ReleaseId releaseId(KieServices ks, String key) {
        return ks.newReleaseId("org.slatecheck.rulesets", "rs-" + key.substring(0, 16), "1.0.0");
    }

    /** The KieBuilder of {@code drl} as an executable model (not yet built). */
    static KieBuilder builder(KieServices ks, ReleaseId releaseId, Map<String, String> drl) {
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        drl.forEach((path, text) -> kfs.write("src/main/resources/" + path, text));
        return ks.newKieBuilder(kfs);
    }

    /**
     * The module a KieBuilder makes of a project without {@code kmodule.xml}: one default KieBase of every package
     * with one default session (what {@link #builder} gets, so a loaded module is the module that was built).
     */
    private static KieModuleModel defaultModel(KieServices ks) {
        KieModuleModel model = ks.newKieModuleModel();
        model.newKieBaseModel("defaultKieBase").addPackage("*").setDefault(true)
                .newKieSessionModel("defaultKieSession").setDefault(true);
        return model;
    }

    /**
     * The KieBase of rule text {@code key} from the module compiled at build time, or null when the build made none
     * for this text. Adds the module to the KIE repository; the caller removes it once it has the KieBase.
     */
    static KieBase load(KieServices ks, ReleaseId releaseId, String key) {
        org.kie.api.runtime.KieContainer container = loadContainer(ks, releaseId, key);
        return container == null ? null : container.getKieBase();
    }

    /** The container of {@link #load}'s module (its KieBase and any further copy of it), or null as there. */
    static org.kie.api.runtime.KieContainer loadContainer(KieServices ks, ReleaseId releaseId, String key) {
        if (!enabled()) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = PrecompiledRules.class.getClassLoader().getResourceAsStream(FOLDER + key + SUFFIX)) {
            if (in == null) {
                return null;
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MemoryFileSystem files = MemoryFileSystem.readFromJar(bytes);
        ks.getRepository().addKieModule(new CanonicalKieModule(new MemoryKieModule(releaseId, defaultModel(ks),
                files)));
        return ks.newKieContainer(releaseId);
    }

    /**
     * False when the system property {@value #SWITCH} is {@code false}: every rule text is then compiled at run time,
     * as before the build compiled them (to measure the difference, docs/performance.md).
     */
    static boolean enabled() {
        return !"false".equals(System.getProperty(SWITCH));
    }

    /** The rule text of every shipped term: key → path → DRL (the release's DRL and the term's guided rules). */
    public static Map<String, Map<String, String>> shippedTexts() {
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        for (String term : RuleSets.terms()) {
            RuleSetSource source = RuleSetSource.shipped(term);
            RuleSetParameters parameters = source.parameterSet();
            Map<String, String> drl = new TreeMap<>(source.drlFiles());
            drl.putAll(GuidedRules.parse(source.guidedFiles(), parameters).drl());
            texts.put(RuleSetSource.sha256(drl), drl);
        }
        return texts;
    }

    /**
     * Build step: compiles rule {@code texts} (key → path → DRL) into {@code classes} (the rules module's classes
     * folder), skipping a text whose module is already there and deleting modules of texts no longer shipped.
     */
    public static void write(Path classes, Map<String, Map<String, String>> texts) throws IOException {
        Path folder = classes.resolve(FOLDER);
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                String name = p.getFileName().toString();
                if (!name.endsWith(SUFFIX) || !texts.containsKey(name.substring(0, name.length() - SUFFIX.length()))) {
                    Files.delete(p);
                }
            }
        }
        KieServices ks = KieServices.get();
        for (Map.Entry<String, Map<String, String>> text : texts.entrySet()) {
            Path target = folder.resolve(text.getKey() + SUFFIX);
            if (Files.exists(target)) {
                continue;
            }
            long start = System.nanoTime();
            KieBuilder builder = builder(ks, releaseId(ks, text.getKey()), text.getValue())
                    .buildAll(ExecutableModelProject.class);
            List<String> errors = new ArrayList<>();
            for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
                errors.add(m.getPath() + ":" + m.getLine() + ": " + m.getText());
            }
            if (!errors.isEmpty()) {
                throw new RuleSetException("the shipped rules do not compile", errors);
            }
            byte[] bytes = ((InternalKieModule) builder.getKieModule()).getBytes();
            Path tmp = Files.createTempFile(folder, "kjar", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            System.out.printf("precompiled rules %s (%d KB) in %d ms%n", text.getKey().substring(0, 16),
                    bytes.length / 1024, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
