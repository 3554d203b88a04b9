package org.involve.core.payments;

import java.util.Map;
import java.util.Optional;

/**
 * Port: the private store of receipts (an encrypted S3 bucket, never public). A file never passes through a function:
 * the partner's browser sends it straight to the store with a signed form we make ({@link #uploadForm}), limited to
 * {@link ReceiptType#MOST_BYTES} and to the key we chose; then we look at what was stored ({@link #look}) and keep it
 * only if its first bytes show a PDF, JPEG or PNG. Keys are {@code <claimId>/<random>}, so a claim's receipts are
 * found, and deleted with it, by its id.
 */
public interface Receipts {
    /**
     * A form to upload one file to {@code key}: the address it posts to and its hidden fields, in order (the file
     * field, {@link #FILE_FIELD}, comes after them). After a good upload the browser is sent to {@code returnTo}.
     */
    UploadForm uploadForm(String key, String returnTo);

    /** What is stored at {@code key}: its size and first {@link ReceiptType#FIRST_BYTES} bytes; empty if nothing. */
    Optional<Stored> look(String key);

    /** Deletes one receipt; nothing happens if it is not there. */
    void delete(String key);

    /** Deletes every receipt of a claim (everything under {@code <claimId>/}); returns how many were deleted. */
    int deleteAll(String claimId);

    /** A link that shows the receipt for a few minutes, for staff deciding the claim; never a public address. */
    String viewLink(String key);

    /** The name of the form field that carries the file. */
    String FILE_FIELD = "file";

    record UploadForm(String action, Map<String, String> fields) {
        public UploadForm {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }
    }

    record Stored(long size, byte[] first) {}

    /** The key prefix that holds a claim's receipts. */
    static String prefix(String claimId) {
        return claimId + "/";
    }
}
