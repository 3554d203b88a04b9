package org.involve.benchmark;

import java.nio.file.Path;

/**
 * One thing to start cold: a function's jar, its handler class and the request it is sent first.
 *
 * @param function       the template's logical id, or "Baseline"
 * @param jar            what goes on the class path: the function's jar, or the folder it was unzipped into
 * @param request        what the event asks for, e.g. {@code GET /roles/{roleId}}
 * @param expectedStatus what a correct first response answers; anything else fails the run
 * @param variant        null for the template's artifact; else the name given to {@code --variant NAME=JAR}
 * @param primed         the launcher runs the function's SnapStart priming (what its CRaC beforeCheckpoint hook runs)
 *                       between init and the first request, which is then the first request of a restored snapshot
 */
record Scenario(
        String function,
        String request,
        Path jar,
        String handlerClass,
        Path event,
        int expectedStatus,
        String variant,
        boolean primed) {
    Scenario(
            String function,
            String request,
            Path jar,
            String handlerClass,
            Path event,
            int expectedStatus) {
        this(function, request, jar, handlerClass, event, expectedStatus, null, false);
    }

    Scenario as(String variantName, Path variantJar) {
        return new Scenario(
                function,
                request,
                variantJar,
                handlerClass,
                event,
                expectedStatus,
                variantName,
                primed);
    }

    /** The same row run from {@code classPath} (its jar unzipped into a folder, as Lambda runs it). */
    Scenario runFrom(Path classPath) {
        return new Scenario(
                function, request, classPath, handlerClass, event, expectedStatus, variant, primed);
    }

    /** The same row from its jar itself, named as a variant "jar" beside the unzipped one (--both-ways). */
    Scenario fromTheJar() {
        return new Scenario(
                function,
                request,
                jar,
                handlerClass,
                event,
                expectedStatus,
                variant == null ? "jar" : variant + ", jar",
                primed);
    }

    Scenario primedFirst() {
        return new Scenario(
                function, request, jar, handlerClass, event, expectedStatus, variant, true);
    }

    /** The function as the report names it: with the variant's name in brackets when it is one, and whether primed. */
    String functionLabel() {
        String f = variant == null ? function : function + " [" + variant + "]";
        return primed ? f + " (primed)" : f;
    }

    String label() {
        return functionLabel() + " " + request;
    }
}
