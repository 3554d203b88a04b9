package org.involve.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerPartsTest {
    @Test
    void mediansAndNearestRankPercentiles() {
        assertEquals(2.0, Stats.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 2.0, 3.0)));
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) hundred[i] = 100 - i; // 1..100, shuffled order
        assertEquals(50, Stats.percentile(hundred, 50));
        assertEquals(99, Stats.percentile(hundred, 99));
        assertEquals(100, Stats.percentile(hundred, 100));
        assertEquals(7, Stats.percentile(new long[] {7}, 99));
    }

    @Test
    void theBeanContextIsThePartOfInitBeforeTheConstructorAndAbsentForTheBaseline() {
        ColdRun involve =
                new ColdRun(
                        null,
                        900,
                        java.util.Map.of(
                                "main", 40.0, "event", 50.0, "context", 380.0, "init", 700.0,
                                "first", 950.0),
                        new long[0]);
        assertEquals(330.0, involve.beanContext());
        assertEquals(650.0, involve.init());
        ColdRun baseline =
                new ColdRun(
                        null,
                        800,
                        java.util.Map.of(
                                "main", 40.0, "event", 50.0, "init", 600.0, "first", 780.0),
                        new long[0]);
        assertTrue(Double.isNaN(baseline.beanContext()));
        assertEquals(550.0, baseline.init());
    }

    @Test
    void everyTemplateFunctionHasItsArtifactAndMemory() {
        Path template = org.involve.emulators.SamTemplate.findFile(Path.of(""));
        var functions = TemplateFunctions.read(template);
        assertTrue(functions.containsKey(Benchmark.SITE_FUNCTION));
        functions
                .values()
                .forEach(
                        f -> {
                            assertTrue(f.codeUri().endsWith(".jar"), f + " deploys a jar");
                            assertTrue(f.memoryMb() >= 128, f + " has a memory size");
                        });
    }

    /**
     * Every function the HTTP API calls (its pages, and the staff authorizer) has a cold-start row, from its own
     * artifact, with an event that is in the repository and asks for one of its routes.
     */
    @Test
    void everyHttpFunctionHasAColdStartRow() throws Exception {
        Path file = org.involve.emulators.SamTemplate.findFile(Path.of(""));
        var template = org.involve.emulators.SamTemplate.load(file);
        java.util.Set<String> rows = new java.util.HashSet<>(List.of(Benchmark.SITE_FUNCTION));
        for (String[] k : Benchmark.ARTIFACT_SCENARIOS)
            if (k[3].startsWith("http-") || k[3].startsWith("authorizer-")) rows.add(k[1]);
        for (String[] f : Benchmark.EVERY_HTTP_FUNCTION) {
            assertTrue(rows.add(f[0]), f[0] + " has two rows");
            Path event = file.getParent().resolve(f[2]);
            String route =
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(event.toFile())
                            .path("routeKey")
                            .asText();
            assertTrue(
                    template.function(f[0]).httpApiEvents().stream()
                            .anyMatch(e -> e.routeKey().equals(route)),
                    f[0] + " has no route " + route + " (" + f[2] + ")");
            assertTrue(f[1].startsWith(route), f[1] + " names its route " + route);
        }
        java.util.Set<String> http = new java.util.TreeSet<>();
        for (var f : template.functions())
            if (!f.httpApiEvents().isEmpty()
                    || f.logicalId().equals("StaffSessionAuthorizerFunction"))
                http.add(f.logicalId());
        assertTrue(http.size() >= 25, http.toString());
        assertEquals(
                http,
                new java.util.TreeSet<>(rows),
                "the HTTP functions, and those with a cold-start row");
        assertEquals(
                "staff",
                Benchmark.kindOf(
                        "functions/handlers/target/involve-handlers-1.0.0-SNAPSHOT-staff.jar"));
    }

    @Test
    void aJarIsUnzippedIntoAFolderAsLambdaDoesAndEachRowRunsOneWayOrBoth() throws Exception {
        Path scratch = Files.createTempDirectory("unzip");
        Path jar = scratch.resolve("f.jar");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("META-INF/"));
            out.putNextEntry(new java.util.zip.ZipEntry("org/example/Handler.class"));
            out.write(new byte[] {1, 2, 3});
        }
        Path dir = Benchmark.unzip(jar, scratch, 0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve("org/example/Handler.class")));
        assertTrue(Files.isDirectory(dir.resolve("META-INF")));

        assertTrue(Benchmark.Options.parse(new String[0]).unzip);
        assertTrue(!Benchmark.Options.parse(new String[] {"--from-jar"}).unzip);
        assertTrue(Benchmark.Options.parse(new String[] {"--both-ways"}).bothWays);
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> Benchmark.Options.parse(new String[] {"--both-ways", "--from-jar"}));
        Scenario row = new Scenario("F", "GET /", jar, "H", jar, 200);
        assertEquals(dir, row.runFrom(dir).jar());
        assertEquals("F [jar] GET /", row.fromTheJar().label());
        assertEquals("F [v, jar] GET /", row.as("v", jar).fromTheJar().label());
    }

    @Test
    void jvmFlagsFollowLambdasAndTheTemplates() {
        List<String> flags =
                Benchmark.lambdaJvmFlags("-XX:+TieredCompilation  -XX:TieredStopAtLevel=1", 1024);
        assertEquals(
                List.of(
                        "-Xmx870m",
                        "-XX:+UseSerialGC",
                        "-Xshare:auto",
                        "-Djava.net.preferIPv4Stack=true",
                        "-XX:+TieredCompilation",
                        "-XX:TieredStopAtLevel=1"),
                flags);
    }

    @Test
    void countsLoadedClassesByLibraryUpToTheFirstResponse() throws Exception {
        Path log = Files.createTempFile("classes", ".log");
        Files.write(
                log,
                List.of(
                        "[10ms] java.lang.Object source: shared objects file",
                        "[20ms] org.apache.logging.log4j.LogManager source: file:/x.jar",
                        "[30ms] software.amazon.awssdk.services.dynamodb.DynamoDbClient source: file:/x.jar",
                        "[40ms] com.example.Thing source: file:/x.jar",
                        "[90ms] io.micronaut.context.BeanContext source: file:/x.jar"));
        var counts = ClassLoadProfile.read(log, 50);
        assertEquals(1, counts.get("Log4j 2"));
        assertEquals(1, counts.get("AWS SDK DynamoDB"));
        assertEquals(1, counts.get("JDK (from the CDS archive)"));
        assertEquals(1, counts.get("com.example.*"));
        assertEquals(0, counts.get("Micronaut"));
        var between = ClassLoadProfile.read(log, 25, 95);
        assertEquals(0, between.get("Log4j 2"));
        assertEquals(1, between.get("AWS SDK DynamoDB"));
        assertEquals(1, between.get("Micronaut"));
        Files.delete(log);
    }

    @Test
    void countsTheClassesAPrimedStartsFirstRequestLoadsBetweenTheLaunchersMarks() throws Exception {
        Path log = Files.createTempFile("classes", ".log");
        Files.write(
                log,
                List.of(
                        "[10ms] software.amazon.awssdk.services.dynamodb.DynamoDbClient source: file:/x.jar",
                        "[20ms] org.involve.benchmark.launcher.BenchContext source: file:/l.jar",
                        "[20ms] com.fasterxml.jackson.databind.ObjectMapper source: file:/x.jar",
                        "[30ms] java.lang.ProcessHandleImpl$Info source: shared objects file",
                        "[40ms] io.micronaut.context.BeanContext source: file:/x.jar"));
        var firstRequest = ClassLoadProfile.readFirstRequest(log);
        assertEquals(1, firstRequest.get("Jackson"));
        assertEquals(0, firstRequest.get("AWS SDK DynamoDB"));
        assertEquals(0, firstRequest.get("Micronaut"));
        assertEquals(
                null, firstRequest.get("JDK (from the CDS archive)"), "after the first response");
        Files.delete(log);
    }
}
