package org.involve.core.publishing;

import java.util.Set;

/**
 * Where the pages that are the same for everyone are kept for readers to fetch without waking a function (in AWS an
 * S3 bucket behind CloudFront; locally the S3-compatible emulator). A key is the page's address without its leading
 * slash ({@code roles/abc123}); writing a key again replaces the page.
 */
public interface StaticSite {
    void put(String key, String html);

    /** Removes the page; nothing happens if it is not there. */
    void delete(String key);

    /** The keys held that start with {@code prefix}. */
    Set<String> keys(String prefix);
}
