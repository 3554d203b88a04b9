package org.involve.core.fakes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.payments.ReceiptType;
import org.involve.core.payments.Receipts;

/** Receipts kept in memory; {@link #put} stands for the browser's upload straight to the store. */
public final class InMemoryReceipts implements Receipts {
    public final Map<String, byte[]> stored = new ConcurrentHashMap<>();

    /** The browser's upload: what arrives under {@code key}. */
    public void put(String key, byte[] file) {
        stored.put(key, file);
    }

    @Override
    public UploadForm uploadForm(String key, String returnTo) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("success_action_redirect", returnTo);
        return new UploadForm("https://receipts.example/bucket", fields);
    }

    @Override
    public Optional<Stored> look(String key) {
        byte[] file = stored.get(key);
        if (file == null) return Optional.empty();
        return Optional.of(
                new Stored(
                        file.length,
                        Arrays.copyOf(file, Math.min(file.length, ReceiptType.FIRST_BYTES))));
    }

    @Override
    public void delete(String key) {
        stored.remove(key);
    }

    @Override
    public int deleteAll(String claimId) {
        var keys =
                stored.keySet().stream()
                        .filter(k -> k.startsWith(Receipts.prefix(claimId)))
                        .toList();
        keys.forEach(stored::remove);
        return keys.size();
    }

    @Override
    public String viewLink(String key) {
        return "https://receipts.example/bucket/" + key + "?X-Amz-Expires=300";
    }

    /** The first bytes of a small PDF, JPEG and PNG, and a file that is none of them. */
    public static final byte[] PDF = "%PDF-1.7\n%receipt\n".getBytes();

    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    public static final byte[] NOT_A_RECEIPT = "MZ\u0090\u0000 pretend.pdf".getBytes();
}
