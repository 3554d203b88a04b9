package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Business metrics reach CloudWatch as embedded-metric-format lines on standard output. */
class TelemetryTest {

    @Test
    void aCountIsWrittenAsAnEmbeddedMetricInTheInvolveNamespace() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Telemetry.count("ApplicationSent");
        } finally {
            System.setOut(original);
        }
        String line = out.toString(StandardCharsets.UTF_8);
        assertTrue(line.contains("\"ApplicationSent\":1"), line);
        assertTrue(line.contains("\"Namespace\":\"Involve\""), line);
        assertTrue(line.contains("\"Unit\":\"Count\""), line);
    }
}
