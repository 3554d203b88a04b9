package org.involve.local;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as it reached the local gateway, before it becomes an API Gateway event.
 *
 * @param rawQuery the query string without "?", or null
 * @param headers  header names in any case, each with its values
 */
record IncomingRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String sourceIp,
        String protocol) {}
