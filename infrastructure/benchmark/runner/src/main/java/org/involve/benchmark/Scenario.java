package org.involve.benchmark;

import java.nio.file.Path;

/**
 * One thing to start cold: a function's jar, its handler class and the request it is sent first.
 *
 * @param function       the template's logical id, or "Baseline"
 * @param request        what the event asks for, e.g. {@code GET /roles/{roleId}}
 * @param expectedStatus what a correct first response answers; anything else fails the run
 * @param variant        null for the template's artifact; else the name given to {@code --variant NAME=JAR}
 */
record Scenario(String function, String request, Path jar, String handlerClass, Path event, int expectedStatus, String variant) {
    Scenario(String function, String request, Path jar, String handlerClass, Path event, int expectedStatus) {
        this(function, request, jar, handlerClass, event, expectedStatus, null);
    }

    Scenario as(String variantName, Path variantJar) {
        return new Scenario(function, request, variantJar, handlerClass, event, expectedStatus, variantName);
    }

    /** The function as the report names it: with the variant's name in brackets when it is one. */
    String functionLabel() {
        return variant == null ? function : function + " [" + variant + "]";
    }

    String label() {
        return functionLabel() + " " + request;
    }
}
