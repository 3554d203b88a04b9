package org.involve.core.payments;

import java.util.Optional;

/**
 * The kinds of file a receipt may be: a PDF, a JPEG or a PNG photo or scan, known by the file's first bytes (its
 * "magic number"), never by its name or by the type the browser says it is. Anything else is refused and deleted.
 */
public enum ReceiptType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    /** The largest receipt taken: 10 MB. */
    public static final long MOST_BYTES = 10L * 1024 * 1024;

    /** How many of a file's first bytes are enough to tell its type. */
    public static final int FIRST_BYTES = 8;

    private final String contentType;
    private final byte[] magic;

    ReceiptType(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    /** The type the first bytes of a file show, or empty when they are not a PDF, JPEG or PNG. */
    public static Optional<ReceiptType> of(byte[] first) {
        if (first == null) return Optional.empty();
        for (ReceiptType t : values()) if (t.starts(first)) return Optional.of(t);
        return Optional.empty();
    }

    private boolean starts(byte[] first) {
        if (first.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if (first[i] != magic[i]) return false;
        return true;
    }
}
