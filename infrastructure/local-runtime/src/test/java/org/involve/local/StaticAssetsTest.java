package org.involve.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticAssetsTest {
    @TempDir Path site;

    @Test
    void servesAssetsWithTheirContentTypeAndRevalidation() throws Exception {
        Path assets = Files.createDirectories(site.resolve("assets/nhsuk"));
        Files.writeString(assets.resolve("nhsuk.css"), "body{}");
        var served =
                new StaticAssets(site.resolve("assets"))
                        .serve("GET", "/assets/nhsuk/nhsuk.css", null)
                        .orElseThrow();
        assertEquals(200, served.status());
        assertEquals("text/css; charset=utf-8", served.headers().get("Content-Type").get(0));
        assertEquals("no-cache", served.headers().get("Cache-Control").get(0));
        String lastModified = served.headers().get("Last-Modified").get(0);
        var again =
                new StaticAssets(site.resolve("assets"))
                        .serve("GET", "/assets/nhsuk/nhsuk.css", lastModified)
                        .orElseThrow();
        assertEquals(304, again.status());
    }

    @Test
    void servesNothingOutsideTheAssetsFolder() throws Exception {
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("index.html"), "not an asset");
        StaticAssets assets = new StaticAssets(site.resolve("assets"));
        assertTrue(assets.serve("GET", "/assets/../index.html", null).isEmpty());
        assertTrue(assets.serve("GET", "/assets/%2e%2e/index.html", null).isEmpty());
        assertTrue(assets.serve("GET", "/assets/", null).isEmpty());
        assertTrue(assets.serve("POST", "/assets/x.css", null).isEmpty());
    }
}
