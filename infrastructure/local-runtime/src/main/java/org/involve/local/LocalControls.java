package org.involve.local;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

/**
 * Developer controls under /_local/ (never deployed): {@code GET /_local/schedules} lists the schedules and when each
 * fires next; {@code POST /_local/schedules/{FunctionLogicalId}} fires one now and answers when it has finished.
 * The local stand-in for Cognito lives here too: {@code GET /_local/sign-in} lists the local people, {@code POST} signs
 * one in (an ID token in the involve-staff cookie, as the real callback sets it), and the JWKS its tokens verify against.
 */
final class LocalControls {
    static final String PREFIX = "/_local/";
    private static final String SCHEDULES = PREFIX + "schedules";

    private static final String SIGN_IN = PREFIX + "sign-in";

    private final Schedules schedules;
    private final LocalIdentity identity;

    LocalControls(Schedules schedules) {
        this(schedules, null);
    }

    LocalControls(Schedules schedules, LocalIdentity identity) {
        this.schedules = schedules;
        this.identity = identity;
    }

    HttpApiResponses.Outgoing handle(String method, String path) {
        return handle(method, path, new byte[0]);
    }

    HttpApiResponses.Outgoing handle(String method, String path, byte[] body) {
        return handle(method, path, null, body);
    }

    /** @param query the raw query string, or null */
    HttpApiResponses.Outgoing handle(String method, String path, String query, byte[] body) {
        if (identity != null) {
            if (path.equals(LocalIdentity.JWKS_PATH) && method.equals("GET"))
                return json(identity.jwks());
            if (path.equals(SIGN_IN) && method.equals("GET"))
                return LocalSignIn.page(null, LocalSignIn.param(query, "return"));
            if (path.equals(SIGN_IN) && method.equals("POST"))
                return LocalSignIn.signIn(identity, body);
        }
        if (path.equals(SCHEDULES) && method.equals("GET"))
            return HttpApiResponses.plain(200, list());
        if (path.startsWith(SCHEDULES + "/") && method.equals("POST"))
            return fire(path.substring(SCHEDULES.length() + 1));
        return HttpApiResponses.plain(
                404,
                "Not Found. Try GET "
                        + SCHEDULES
                        + " or POST "
                        + SCHEDULES
                        + "/{FunctionLogicalId}");
    }

    private static HttpApiResponses.Outgoing json(String body) {
        java.util.Map<String, java.util.List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", java.util.List.of("application/json"));
        return new HttpApiResponses.Outgoing(
                200, headers, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String list() {
        if (schedules.jobs().isEmpty()) return "No schedules in template.yaml";
        return schedules.jobs().stream()
                .map(
                        j ->
                                String.format(
                                        "%s  %s  %s %s  next %s",
                                        j.function().name(),
                                        j.event().eventName(),
                                        j.event().expression(),
                                        j.event().timezone(),
                                        schedules
                                                .nextFiring(j)
                                                .truncatedTo(ChronoUnit.SECONDS)
                                                .atZone(ZoneId.of(j.event().timezone()))
                                                .toOffsetDateTime()))
                .collect(Collectors.joining("\n"));
    }

    private HttpApiResponses.Outgoing fire(String functionId) {
        long started = System.nanoTime();
        try {
            return schedules
                    .fireNow(functionId)
                    .map(
                            result ->
                                    HttpApiResponses.plain(
                                            200,
                                            "Fired "
                                                    + functionId
                                                    + " ("
                                                    + (System.nanoTime() - started) / 1_000_000
                                                    + " ms): "
                                                    + result))
                    .orElseGet(
                            () ->
                                    HttpApiResponses.plain(
                                            404,
                                            "No schedule for a function called "
                                                    + functionId
                                                    + ". GET "
                                                    + SCHEDULES
                                                    + " lists them."));
        } catch (Exception e) {
            System.err.println("[schedule] " + functionId + " failed when fired by hand:");
            e.printStackTrace();
            return HttpApiResponses.plain(500, functionId + " failed: see the runtime's console");
        }
    }
}
