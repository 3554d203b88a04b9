package org.involve.benchmark.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The payments batch: ten messages, each request's claims new, so each request pays ten claims once. */
class SqsBatchTest {
    private static Map<String, Object> json() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("queue-events"))) dir = dir.getParent();
        return Json.object(Files.readString(dir.resolve("queue-events/sqs-payment-batch-10.json")));
    }

    @Test
    void eachRequestIsTenNewClaims() throws Exception {
        Map<String, Object> json = json();
        assertTrue(SqsBatch.is(json));
        Set<String> bodies = new HashSet<>();
        for (String suffix : new String[] {"1-0", "1-1"}) {
            var event = SqsBatch.from(json, suffix);
            assertEquals(10, event.getRecords().size());
            event.getRecords()
                    .forEach(
                            m -> {
                                assertTrue(m.getBody().contains("-" + suffix + "\""), m.getBody());
                                bodies.add(m.getBody());
                            });
        }
        assertEquals(20, bodies.size(), "no claim repeated within or across requests");
    }
}
