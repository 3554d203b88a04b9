package org.involve.local;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Serves {@code static-site/assets/} (the NHS.UK frontend styles, scripts, fonts and icons the assets build copies
 * there) at {@code /assets/}. Nothing else of static-site/ is served. Browsers revalidate each time (no-cache with
 * Last-Modified), so a rebuilt asset shows on the next reload.
 */
final class StaticAssets {
    static final String PREFIX = "/assets/";
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Map<String, String> TYPES =
            Map.ofEntries(
                    Map.entry("css", "text/css; charset=utf-8"),
                    Map.entry("js", "text/javascript; charset=utf-8"),
                    Map.entry("mjs", "text/javascript; charset=utf-8"),
                    Map.entry("map", "application/json"),
                    Map.entry("json", "application/json"),
                    Map.entry("svg", "image/svg+xml"),
                    Map.entry("png", "image/png"),
                    Map.entry("jpg", "image/jpeg"),
                    Map.entry("jpeg", "image/jpeg"),
                    Map.entry("gif", "image/gif"),
                    Map.entry("ico", "image/x-icon"),
                    Map.entry("webp", "image/webp"),
                    Map.entry("woff", "font/woff"),
                    Map.entry("woff2", "font/woff2"),
                    Map.entry("ttf", "font/ttf"),
                    Map.entry("txt", "text/plain; charset=utf-8"),
                    Map.entry("webmanifest", "application/manifest+json"),
                    Map.entry("html", "text/html; charset=utf-8"));

    private final Path root;

    StaticAssets(Path assetsDirectory) {
        this.root = assetsDirectory.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** The response for a path under /assets/, or empty when there is no such file (the caller answers 404). */
    Optional<HttpApiResponses.Outgoing> serve(String method, String rawPath, String ifModifiedSince)
            throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) return Optional.empty();
        Path file =
                root.resolve(
                                URLDecoder.decode(
                                        rawPath.substring(PREFIX.length()), StandardCharsets.UTF_8))
                        .normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file))
            return Optional.empty(); // also refuses ../ escapes
        Instant modified =
                Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put(
                "Content-Type",
                List.of(TYPES.getOrDefault(extension(file), "application/octet-stream")));
        headers.put("Cache-Control", List.of("no-cache"));
        headers.put("Last-Modified", List.of(HTTP_DATE.format(modified)));
        headers.put("X-Content-Type-Options", List.of("nosniff"));
        if (notModifiedSince(ifModifiedSince, modified))
            return Optional.of(new HttpApiResponses.Outgoing(304, headers, new byte[0]));
        byte[] body = method.equals("HEAD") ? new byte[0] : Files.readAllBytes(file);
        return Optional.of(new HttpApiResponses.Outgoing(200, headers, body));
    }

    private static boolean notModifiedSince(String header, Instant modified) {
        if (header == null) return false;
        try {
            return !modified.isAfter(Instant.from(HTTP_DATE.parse(header)));
        } catch (RuntimeException unparseable) {
            return false;
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
