package org.involve.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.involve.emulators.LocalAws;

/**
 * Starts {@code java -cp FUNCTION:launcher.jar ColdStart ...}, FUNCTION being the row's jar unzipped into a folder (as Lambda
 * runs a deployment package from /var/task) or, with --from-jar, the jar itself, and reads what it reports.
 */
final class ChildJvm {
    private static final String LAUNCHER = "org.involve.benchmark.launcher.ColdStart";
    private static final String MARK = "@@bench ";
    private static final long TIME_LIMIT_SECONDS = 180;

    /** Inherited from the runner's environment; everything else is left out, so a developer's AWS_* or JAVA_TOOL_OPTIONS cannot leak in. */
    private static final Set<String> KEPT_ENVIRONMENT =
            Set.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "USER");

    private final Path launcherJar;
    private final List<String> jvmFlags;
    private final Map<String, String> systemProperties;
    private final Path scratch;

    ChildJvm(
            Path launcherJar,
            List<String> jvmFlags,
            Map<String, String> systemProperties,
            Path scratch) {
        this.launcherJar = launcherJar;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.systemProperties = Map.copyOf(systemProperties);
        this.scratch = scratch;
    }

    List<String> command(Scenario s, int warmRequests, List<String> extraFlags) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(extraFlags);
        if (s.primed()) command.add("-D" + PRIMED_PROPERTY + "=true");
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        // Lambda tells each function its handler in _HANDLER; the handlers load only that
        // function's bean definitions.
        command.add("-D_HANDLER=" + s.handlerClass() + "::handleRequest");
        command.add("-cp");
        command.add(s.jar() + java.io.File.pathSeparator + launcherJar);
        command.add(LAUNCHER);
        command.add(s.handlerClass());
        command.add(s.event().toString());
        command.add(String.valueOf(warmRequests));
        return command;
    }

    /** Read by the launcher: run the function's priming after init (see Scenario#primed). */
    static final String PRIMED_PROPERTY = "involve.benchmark.primed";

    ColdRun run(Scenario s, int warmRequests, List<String> extraFlags) {
        List<String> command = command(s, warmRequests, extraFlags);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> !KEPT_ENVIRONMENT.contains(k));
        env.put("TZ", ":UTC"); // as in Lambda
        // As Lambda gives a function its role's credentials: in the environment, with a session
        // token.
        env.put("AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_ACCESS_KEY);
        env.put("AWS_SESSION_TOKEN", "benchmark");
        Path stderr = scratch.resolve("child-stderr.txt");
        builder.redirectError(stderr.toFile());

        Deque<String> otherOutput = new ArrayDeque<>();
        Map<String, Double> phases = new LinkedHashMap<>();
        long[] warm = new long[0];
        double outside = Double.NaN;
        int status = -1;
        boolean done = false;

        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + command.get(0), e);
        }
        Thread watchdog = watchdog(process);
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (!line.startsWith(MARK)) {
                    otherOutput.addLast(line);
                    if (otherOutput.size() > 60) otherOutput.removeFirst();
                    continue;
                }
                String[] words = line.substring(MARK.length()).split(" ", 2);
                String rest = words.length > 1 ? words[1] : "";
                switch (words[0]) {
                    case "first" -> {
                        outside = (System.nanoTime() - started) / 1e6;
                        status = Integer.parseInt(rest.substring(rest.indexOf('=') + 1).trim());
                    }
                    case "phases" -> {
                        for (String pair : rest.trim().split(" ")) {
                            String[] kv = pair.split("=", 2);
                            phases.put(kv[0], Double.parseDouble(kv[1]));
                        }
                    }
                    case "warm" ->
                            warm =
                                    rest.isBlank()
                                            ? new long[0]
                                            : java.util.Arrays.stream(rest.trim().split(","))
                                                    .mapToLong(Long::parseLong)
                                                    .toArray();
                    case "done" -> done = true;
                    default -> {}
                }
            }
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("Lost the output of " + s.label(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } finally {
            watchdog.interrupt();
            if (process.isAlive()) process.destroyForcibly();
        }

        if (!done || status != s.expectedStatus()) {
            String why =
                    !done && status < 0
                            ? "gave no response"
                            : status != s.expectedStatus()
                                    ? "answered "
                                            + status
                                            + " where "
                                            + s.expectedStatus()
                                            + " was expected"
                                    : "did not finish its warm requests";
            throw new IllegalStateException(
                    s.label()
                            + " "
                            + why
                            + " (exit "
                            + exitValue(process)
                            + ").\n"
                            + "Command: "
                            + String.join(" ", command)
                            + "\n"
                            + "Its last output:\n"
                            + String.join("\n", otherOutput)
                            + "\n"
                            + tail(stderr));
        }
        return new ColdRun(s, outside, phases, warm);
    }

    private static Thread watchdog(Process process) {
        Thread t =
                new Thread(
                        () -> {
                            try {
                                if (!process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS))
                                    process.destroyForcibly();
                            } catch (InterruptedException finished) {
                                // the run ended first
                            }
                        },
                        "child-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String exitValue(Process p) {
        try {
            return String.valueOf(p.exitValue());
        } catch (IllegalThreadStateException running) {
            return "still running";
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
