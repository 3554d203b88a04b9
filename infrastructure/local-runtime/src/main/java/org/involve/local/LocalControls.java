package org.involve.local;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

/**
 * Developer controls under /_local/ (never deployed): {@code GET /_local/schedules} lists the schedules and when each
 * fires next; {@code POST /_local/schedules/{FunctionLogicalId}} fires one now and answers when it has finished.
 */
final class LocalControls {
    static final String PREFIX = "/_local/";
    private static final String SCHEDULES = PREFIX + "schedules";

    private final Schedules schedules;

    LocalControls(Schedules schedules) {
        this.schedules = schedules;
    }

    HttpApiResponses.Outgoing handle(String method, String path) {
        if (path.equals(SCHEDULES) && method.equals("GET")) return HttpApiResponses.plain(200, list());
        if (path.startsWith(SCHEDULES + "/") && method.equals("POST")) return fire(path.substring(SCHEDULES.length() + 1));
        return HttpApiResponses.plain(404, "Not Found. Try GET " + SCHEDULES + " or POST " + SCHEDULES + "/{FunctionLogicalId}");
    }

    private String list() {
        if (schedules.jobs().isEmpty()) return "No schedules in template.yaml";
        return schedules.jobs().stream().map(j -> String.format("%s  %s  %s %s  next %s",
                        j.function().name(), j.event().eventName(), j.event().expression(), j.event().timezone(),
                        schedules.nextFiring(j).truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.of(j.event().timezone())).toOffsetDateTime()))
                .collect(Collectors.joining("\n"));
    }

    private HttpApiResponses.Outgoing fire(String functionId) {
        long started = System.nanoTime();
        try {
            return schedules.fireNow(functionId)
                    .map(result -> HttpApiResponses.plain(200, "Fired " + functionId + " (" + (System.nanoTime() - started) / 1_000_000 + " ms): " + result))
                    .orElseGet(() -> HttpApiResponses.plain(404, "No schedule for a function called " + functionId + ". GET " + SCHEDULES + " lists them."));
        } catch (Exception e) {
            System.err.println("[schedule] " + functionId + " failed when fired by hand:");
            e.printStackTrace();
            return HttpApiResponses.plain(500, functionId + " failed: see the runtime's console");
        }
    }
}
