package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Each function's own artifact (its CodeUri, one jar per kind of function) holds what the function uses: its handler
 * is loaded from that jar alone (a class loader over the jar whose parent is the JDK's platform loader, so nothing of
 * the test's class path can fill a gap) and built as Lambda builds it, with its no-argument constructor and its
 * template.yaml environment as the settings, which starts Micronaut and builds the handler's bean graph. A class left
 * out of a jar that the handler's start needs fails here rather than in production.
 *
 * <p>Runs in the integration-test phase (after the shade executions have made the jars): {@code mvn -o -q -pl
 * functions/handlers -am verify -Dtest='ArtifactsJarTest' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "involve.artifacts", matches = "built")
class ArtifactsJarTest {
    private static final Path ROOT = TemplateTest.repositoryRoot();
    private static final List<String> KINDS =
            List.of("authorizer", "jobs", "mailer", "payments", "staff", "web");

    /**
     * Per kind, our classes that name a library its jar leaves out: the client makers and factories (their methods for
     * those clients run only in functions of other kinds, as Micronaut builds a bean only when asked for it), the
     * adapters over those clients, and the handlers that count metrics (Telemetry, Powertools metrics) in the kinds
     * that leave metrics out. A new class here means a function of that kind may reach a library its jar lacks.
     */
    private static final Map<String, java.util.Set<String>> BRIDGES =
            Map.of(
                    "authorizer",
                    bridges(
                            "adapters/AwsClients",
                            "adapters/SecretsManagerKeyRotation",
                            "adapters/SecretsManagerSigningKeys",
                            "adapters/SqsDeadLetters",
                            "adapters/SqsMailQueue",
                            "adapters/SqsPaymentsQueue",
                            "handlers/InvolveFactory",
                            "handlers/KeyRotationHandler",
                            "handlers/MailerHandler",
                            "handlers/OutboxSweepHandler",
                            "handlers/PaymentCalculatorHandler",
                            "handlers/PaymentsFactory",
                            "handlers/Telemetry"),
                    "jobs",
                    bridges(
                            "handlers/MailerHandler",
                            "handlers/OutboxSweepHandler",
                            "handlers/PaymentCalculatorHandler",
                            "handlers/Telemetry"),
                    // S3 and SES v2 are signed REST calls, so the S3 and SES adapters are whole in
                    // every jar; the mailer, payments and web jars leave nothing out.
                    "mailer",
                    bridges(),
                    "payments",
                    bridges(),
                    "staff",
                    bridges(
                            "handlers/MailerHandler",
                            "handlers/OutboxSweepHandler",
                            "handlers/PaymentCalculatorHandler",
                            "handlers/Telemetry"),
                    "web",
                    bridges());

    private static java.util.Set<String> bridges(String... classes) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String c : classes) names.add("org/involve/" + c);
        return names;
    }

    @Test
    void everyFunctionsHandlerStartsFromItsOwnJarAlone() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String fn : TemplateTest.functions()) {
            Path jar = jarOf(fn);
            try {
                Object handler = build(jar, TemplateTest.handlerClassOf(fn), fn);
                assertNotSame(
                        ArtifactsJarTest.class.getClassLoader(),
                        handler.getClass().getClassLoader());
            } catch (Throwable e) {
                Throwable cause = e;
                while (cause.getCause() != null) cause = cause.getCause();
                failures.add(fn + " (" + jar.getFileName() + "): " + cause);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The check above can fail: a handler whose kind's jar lacks what it needs does not start from it. */
    @Test
    void aHandlerDoesNotStartFromAJarWithoutWhatItUses() throws Exception {
        Path authorizerJar = Path.of(TemplateTest.ARTIFACTS + "authorizer.jar");
        try (ZipFile zip = new ZipFile(ROOT.resolve(authorizerJar).toFile())) {
            assertTrue(zip.getEntry("org/involve/handlers/MailerHandler.class") != null);
            assertTrue(zip.getEntry("software/amazon/awssdk/services/sqs/SqsClient.class") == null);
        }
        assertThrows(
                Throwable.class,
                () ->
                        build(
                                ROOT.resolve(authorizerJar),
                                "org.involve.handlers.MailerHandler",
                                "MailerFunction"));
    }

    /** Each kind's jar, its size, and what it leaves out (README's figures come from `infrastructure/benchmark/run`). */
    @Test
    void eachKindsJarLeavesOutWhatNoFunctionOfItsKindUses() throws IOException {
        Map<String, List<String>> leftOut =
                Map.of(
                        // S3 and SES v2 are signed REST calls (adapters.internal.SignedHttp): no
                        // jar holds their SDK clients.
                        "web", List.of("sesv2", "s3"),
                        "staff", List.of("sesv2", "s3"),
                        "jobs", List.of("sesv2", "s3"),
                        "mailer", List.of("sesv2", "s3"),
                        "payments", List.of("sesv2", "s3"),
                        "authorizer", List.of("sesv2", "s3", "sqs", "secretsmanager"));
        Map<String, Long> sizes = new TreeMap<>();
        for (var e : leftOut.entrySet()) {
            Path jar = ROOT.resolve(TemplateTest.ARTIFACTS + e.getKey() + ".jar");
            sizes.put(e.getKey(), Files.size(jar));
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (String service : List.of("sesv2", "s3", "sqs", "dynamodb")) {
                    boolean present =
                            zip.stream()
                                    .anyMatch(
                                            z ->
                                                    z.getName()
                                                            .startsWith(
                                                                    "software/amazon/awssdk/services/"
                                                                            + service
                                                                            + "/"));
                    assertEquals(
                            !e.getValue().contains(service),
                            present,
                            e.getKey() + " jar, " + service);
                }
            }
        }
        // Only the public site, the mailer, the outbox sweep and the payment calculator count
        // metrics.
        for (String kind : List.of("staff", "jobs", "authorizer")) {
            try (ZipFile zip =
                    new ZipFile(ROOT.resolve(TemplateTest.ARTIFACTS + kind + ".jar").toFile())) {
                for (String library :
                        List.of(
                                "software/amazon/lambda/powertools/",
                                "software/amazon/cloudwatchlogs/",
                                "org/apache/commons/lang3/"))
                    assertTrue(
                            zip.stream().noneMatch(z -> z.getName().startsWith(library)),
                            kind + " jar, " + library);
            }
        }
        long all = Files.size(ROOT.resolve(TemplateTest.ARTIFACTS + "lambda.jar"));
        // Every kind leaves something out of the one jar, and ProGuard (proguard/*.pro) shrinks it.
        sizes.forEach((kind, size) -> assertTrue(size < all, kind + " " + size + " of " + all));
        // Issue 13's aim: every artifact under 15 MB, shrunk by ProGuard and with S3 and SES v2
        // called through signed REST requests (adapters.internal.SignedHttp), not their SDK
        // clients.
        sizes.forEach((kind, size) -> assertTrue(size < 15_000_000, kind + " " + size + " bytes"));
        System.out.println("Artifact sizes (bytes): " + sizes + ", all: " + all);
    }

    @Test
    void ourClassesReachLeftOutLibrariesOnlyThroughTheirBridges() throws IOException {
        Map<String, java.util.Set<String>> found = new TreeMap<>();
        for (String kind : KINDS) {
            java.util.Set<String> referrers = new java.util.TreeSet<>();
            danglingReferences(ROOT.resolve(TemplateTest.ARTIFACTS + kind + ".jar"))
                    .keySet()
                    .forEach(c -> referrers.add(outermost(c)));
            found.put(kind, referrers);
        }
        assertEquals(BRIDGES, found);
    }

    /**
     * Lambda's event classes are shaded in part (only those our handlers take or return): each kept class must name
     * only classes its jar holds, or the JDK's, and every kind's jar keeps the same ones.
     */
    @Test
    void theEventClassesKeptAreWhole() throws IOException {
        String events = "com/amazonaws/services/lambda/runtime/events/";
        java.util.Set<String> firstKept = null;
        for (String kind : KINDS) {
            Path jar = ROOT.resolve(TemplateTest.ARTIFACTS + kind + ".jar");
            Map<String, java.util.Set<String>> dangling = danglingReferences(jar, events);
            assertTrue(dangling.isEmpty(), kind + ": " + dangling);
            java.util.Set<String> kept = new java.util.TreeSet<>();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream()
                        .filter(z -> z.getName().startsWith(events))
                        .forEach(z -> kept.add(z.getName()));
            }
            assertTrue(kept.contains(events + "APIGatewayV2HTTPEvent.class"), kind);
            assertTrue(kept.contains(events + "SQSEvent$SQSMessage.class"), kind);
            assertFalse(
                    kept.contains(events + "ScheduledEvent.class"), kind + " keeps every event");
            if (firstKept == null) firstKept = kept;
            assertEquals(firstKept, kept, kind);
        }
    }

    /**
     * Every class a jar's service files name is in that jar: the JDK's ServiceLoader creates the classes named in
     * META-INF/services, the SDK those in its execution.interceptors files, both by name, so shrinking (which keeps
     * only what something names in code) must have kept them (proguard/aws-sdk.pro and the libraries kept whole).
     */
    @Test
    void everyClassAServiceFileNamesIsInTheJar() throws IOException {
        for (String kind : KINDS) {
            Path jar = ROOT.resolve(TemplateTest.ARTIFACTS + kind + ".jar");
            List<String> missing = new ArrayList<>();
            int named = 0;
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (var entry : java.util.Collections.list(zip.entries())) {
                    String name = entry.getName();
                    boolean serviceFile =
                            name.startsWith("META-INF/services/") && !entry.isDirectory()
                                    || name.startsWith("software/amazon/awssdk/")
                                            && name.endsWith("/execution.interceptors");
                    if (!serviceFile) continue;
                    String text;
                    try (var in = zip.getInputStream(entry)) {
                        text =
                                new String(
                                        in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                    for (String line : text.split("\\R")) {
                        String type = line.replaceAll("#.*", "").trim();
                        if (type.isEmpty()) continue;
                        named++;
                        String file = type.replace('.', '/') + ".class";
                        if (zip.getEntry(file) == null && !inJdk(file.replace(".class", "")))
                            missing.add(name + ": " + type);
                    }
                }
            }
            assertTrue(named > 10, kind + " jar's service files name " + named + " classes");
            assertEquals(List.of(), missing, kind + " jar");
        }
    }

    /**
     * The artifacts are shrunk: each is smaller than the kind's whole (shaded) jar, and of the DynamoDB model it keeps
     * only what the operations our adapters call reach (a restore from backup, which we never ask for, answers with a
     * response class that is gone; its request class stays, as the endpoint rules name every operation's).
     */
    @Test
    void eachKindsJarIsShrunk() throws IOException {
        for (String kind : KINDS) {
            Path jar = ROOT.resolve(TemplateTest.ARTIFACTS + kind + ".jar");
            Path whole =
                    ROOT.resolve(
                            TemplateTest.ARTIFACTS.replace("target/", "target/unshrunk/")
                                    + kind
                                    + ".jar");
            assertTrue(
                    Files.size(jar) < Files.size(whole),
                    kind + ": " + Files.size(jar) + " of " + Files.size(whole));
            try (ZipFile zip = new ZipFile(jar.toFile());
                    ZipFile all = new ZipFile(whole.toFile())) {
                String response =
                        "software/amazon/awssdk/services/dynamodb/model/RestoreTableFromBackupResponse.class";
                assertTrue(all.getEntry(response) != null, kind);
                assertTrue(zip.getEntry(response) == null, kind);
            }
        }
    }

    /**
     * The page templates a kind's jar holds (the shade step leaves out those no function of the kind renders) are all
     * its functions can render: every template named by a class of ours that the kind's handlers reach (through the
     * classes each names, from the handler classes and Micronaut's bean definitions, which build what the handlers
     * ask for) is in the jar, as the generated class jte loads for that name.
     */
    @Test
    void everyTemplateAKindsFunctionsCanRenderIsInItsJar() throws IOException {
        Map<String, Integer> reached = new TreeMap<>();
        for (String kind : KINDS) {
            Path jar = ROOT.resolve(TemplateTest.ARTIFACTS + kind + ".jar");
            List<String> handlers = new ArrayList<>();
            for (String fn : TemplateTest.functions())
                if (TemplateTest.kindOf(fn).equals(kind))
                    handlers.add(TemplateTest.handlerClassOf(fn).replace('.', '/'));
            java.util.Set<String> missing = new java.util.TreeSet<>();
            int templates = 0;
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (String template : templatesReached(zip, handlers)) {
                    templates++;
                    String path = template.substring(0, template.length() - ".jte".length());
                    int slash = path.lastIndexOf('/');
                    String generated =
                            "gg/jte/generated/precompiled/"
                                    + path.substring(0, slash + 1)
                                    + "Jte"
                                    + path.substring(slash + 1)
                                    + "Generated.class";
                    if (zip.getEntry(generated) == null) missing.add(template);
                }
            }
            reached.put(kind, templates);
            assertEquals(
                    java.util.Set.of(),
                    missing,
                    kind + " jar lacks templates its functions render");
            // A template renders the templates it includes (layout, components) by their classes.
            assertEquals(Map.of(), danglingReferences(jar, "gg/jte/generated/"), kind + " jar");
        }
        // The check can fail: the web and staff pages render templates.
        assertTrue(reached.get("web") > 20 && reached.get("staff") > 50, reached.toString());
        System.out.println("Templates each kind's functions can render: " + reached);
    }

    /** The template names (".jte" strings) in our classes reached from {@code roots} and Micronaut's definitions. */
    static java.util.Set<String> templatesReached(ZipFile zip, List<String> roots)
            throws IOException {
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(roots);
        zip.stream()
                .map(z -> z.getName())
                .filter(n -> n.startsWith("org/involve/") && n.endsWith("$Definition.class"))
                .forEach(n -> todo.add(n.substring(0, n.length() - ".class".length())));
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Set<String> templates = new java.util.TreeSet<>();
        while (!todo.isEmpty()) {
            String type = todo.pop();
            if (!type.startsWith("org/involve/") || !seen.add(type)) continue;
            var entry = zip.getEntry(type + ".class");
            if (entry == null) continue;
            byte[] bytes;
            try (var in = zip.getInputStream(entry)) {
                bytes = in.readAllBytes();
            }
            todo.addAll(classesNamedBy(bytes));
            for (String text : utf8Constants(bytes)) if (text.endsWith(".jte")) templates.add(text);
        }
        return templates;
    }

    /** {@code org/involve/handlers/$InvolveFactory$Ses3$Definition} (Micronaut's) is InvolveFactory's. */
    private static String outermost(String internalName) {
        int slash = internalName.lastIndexOf('/');
        String simple = internalName.substring(slash + 1).replaceFirst("^\\$", "");
        return internalName.substring(0, slash + 1) + simple.replaceAll("\\$.*", "");
    }

    private static Path jarOf(String fn) {
        Path jar = ROOT.resolve(String.valueOf(TemplateTest.codeUriOf(fn)));
        assertTrue(
                Files.isRegularFile(jar),
                fn
                        + ": "
                        + jar
                        + " is not built (mvn -o -q -pl functions/handlers -am package -DskipTests)");
        return jar;
    }

    /**
     * Builds {@code handlerClass} from {@code jar} alone with the function's template environment as system
     * properties (what InvolveSettings reads), restoring the test JVM's properties after.
     */
    private static Object build(Path jar, String handlerClass, String fn) throws Exception {
        Properties saved = (Properties) System.getProperties().clone();
        Map<String, String> settings = new HashMap<>(FunctionEnvironmentTest.environmentOf(fn));
        settings.put("AWS_REGION", "eu-west-2");
        settings.put("aws.region", "eu-west-2");
        settings.put("aws.accessKeyId", "test");
        settings.put("aws.secretAccessKey", "test");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader own =
                new URLClassLoader(
                        new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            settings.forEach(System::setProperty);
            Thread.currentThread().setContextClassLoader(own);
            Class<?> type = Class.forName(handlerClass, true, own);
            assertFalse(type.getClassLoader() != own, handlerClass + " came from outside " + jar);
            return type.getConstructor().newInstance();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
            System.setProperties(saved);
        }
    }

    /**
     * Our classes in a jar (org/involve/**) that name a class in neither the jar nor the JDK: a kind's jar leaves out
     * libraries, so only the bridges to those libraries (the factories' and client makers' methods for them, which
     * only functions of other kinds call) may; anything else would fail in production when reached.
     */
    static Map<String, java.util.Set<String>> danglingReferences(Path jar) throws IOException {
        return danglingReferences(jar, "org/involve/");
    }

    /** The classes under {@code prefix} in a jar that name a class in neither the jar nor the JDK. */
    static Map<String, java.util.Set<String>> danglingReferences(Path jar, String prefix)
            throws IOException {
        Map<String, java.util.Set<String>> dangling = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            java.util.Set<String> inJar = new java.util.HashSet<>();
            zip.stream().forEach(z -> inJar.add(z.getName()));
            for (var entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (!name.startsWith(prefix) || !name.endsWith(".class")) continue;
                byte[] bytes;
                try (var in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                for (String ref : classesNamedBy(bytes)) {
                    if (inJar.contains(ref + ".class") || inJdk(ref)) continue;
                    dangling.computeIfAbsent(
                                    name.substring(0, name.length() - ".class".length()),
                                    k -> new java.util.TreeSet<>())
                            .add(ref);
                }
            }
        }
        return dangling;
    }

    private static boolean inJdk(String internalName) {
        return ClassLoader.getPlatformClassLoader().getResource(internalName + ".class") != null
                || ClassLoader.getSystemClassLoader()
                                .getParent()
                                .getResource(internalName + ".class")
                        != null
                || Object.class.getResource("/" + internalName + ".class") != null;
    }

    /** A class file's Utf8 constants (names, descriptors and string literals). */
    static List<String> utf8Constants(byte[] classFile) throws IOException {
        var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(classFile));
        in.readInt(); // magic
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> utf8 = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("constant pool tag " + tag);
            }
        }
        return utf8;
    }

    /** The classes a class file names: its constant pool's Class entries and the types in its descriptors. */
    static java.util.Set<String> classesNamedBy(byte[] classFile) throws IOException {
        var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(classFile));
        in.readInt(); // magic
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classes = new ArrayList<>();
        List<Integer> descriptors = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classes.add(in.readUnsignedShort());
                case 8, 19, 20 -> in.readUnsignedShort();
                case 16 -> descriptors.add(in.readUnsignedShort());
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 9, 10, 11, 18, 17 -> in.readInt();
                case 12 -> {
                    in.readUnsignedShort();
                    descriptors.add(in.readUnsignedShort());
                }
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("constant pool tag " + tag);
            }
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (int c : classes) {
            String n = utf8[c];
            if (n.startsWith("[")) descriptorTypes(n, names);
            else names.add(n);
        }
        for (int d : descriptors) descriptorTypes(utf8[d], names);
        // Member descriptors and generic signatures are Utf8 entries named only by the field and
        // method tables.
        for (String u : utf8)
            if (u != null
                    && !u.contains(" ")
                    && (u.startsWith("(") || (u.startsWith("L") && u.endsWith(";"))))
                descriptorTypes(u, names);
        return names;
    }

    private static void descriptorTypes(String descriptor, java.util.Set<String> into) {
        var m = java.util.regex.Pattern.compile("L([A-Za-z0-9_/$]+)[;<]").matcher(descriptor);
        while (m.find()) into.add(m.group(1));
    }
}
