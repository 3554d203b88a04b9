package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.involve.emulators.EmbeddedS3;
import org.involve.emulators.LocalS3;
import org.junit.jupiter.api.Test;

/** Export files in the template's ExportsBucket on the S3 emulator: stored, replaced, read back; none is empty. */
@LocalS3
class S3ExportFilesTest {
    private final S3ExportFiles files;

    S3ExportFilesTest() {
        this.files = new S3ExportFiles(AwsClients::s3, EmbeddedS3.bucketName("ExportsBucket"));
    }

    @Test
    void aFileIsStoredAndReadBackAsItWasWritten() {
        String key = "payroll/" + Samples.unique("2026-11") + ".csv";
        assertEquals(Optional.empty(), files.read(key));
        files.store(key, "payroll_reference,amount_gbp\r\nINV-1,150.00\r\n");
        files.store(key, "payroll_reference,amount_gbp\r\nINV-1,£75.00\r\n");
        assertEquals(
                Optional.of("payroll_reference,amount_gbp\r\nINV-1,£75.00\r\n"), files.read(key));
        assertTrue(files.read("payroll/none.csv").isEmpty());
    }
}
