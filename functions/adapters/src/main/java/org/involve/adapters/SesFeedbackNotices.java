package org.involve.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.involve.adapters.internal.Json;
import org.involve.core.outbox.MailFeedback;
import org.involve.core.outbox.MailFeedback.Kind;

/**
 * Reads one SES notice as it arrives on the mail feedback queue: an event published by the configuration set
 * ({@code eventType}), or an identity notification ({@code notificationType}); delivered raw, or still inside its SNS
 * envelope ({@code "Type": "Notification"}, the notice as the {@code Message} string) if raw delivery is off.
 */
public final class SesFeedbackNotices {
    private SesFeedbackNotices() {}

    /** A message that is not a notice at all (it would fail every time, so it goes to the dead-letter queue). */
    public static final class NotANotice extends RuntimeException {
        NotANotice(String why) {
            super(why);
        }
    }

    public static MailFeedback.Notice parse(String body, Instant receivedAt) {
        JsonNode n = read(body);
        if ("Notification".equals(n.path("Type").asText()) && n.path("Message").isTextual())
            n = read(n.path("Message").asText());
        String type = n.path("eventType").asText(n.path("notificationType").asText(""));
        if (type.isEmpty()) throw new NotANotice("no eventType or notificationType");
        return switch (type) {
            case "Bounce" -> {
                JsonNode b = n.path("bounce");
                Kind kind =
                        "Permanent".equals(b.path("bounceType").asText())
                                ? Kind.PERMANENT_BOUNCE
                                : Kind.TEMPORARY_BOUNCE;
                yield new MailFeedback.Notice(
                        kind,
                        addresses(b.path("bouncedRecipients")),
                        time(b, receivedAt),
                        b.path("bounceSubType").asText(""));
            }
            case "Complaint" -> {
                JsonNode c = n.path("complaint");
                yield new MailFeedback.Notice(
                        Kind.COMPLAINT,
                        addresses(c.path("complainedRecipients")),
                        time(c, receivedAt),
                        c.path("complaintFeedbackType").asText(""));
            }
            default -> new MailFeedback.Notice(Kind.OTHER, List.of(), receivedAt, "");
        };
    }

    private static List<String> addresses(JsonNode recipients) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : recipients) {
            String a = r.path("emailAddress").asText("").strip();
            // SES may give "Name <address>"; the address is what we keep a key of.
            int lt = a.lastIndexOf('<');
            if (lt >= 0 && a.endsWith(">")) a = a.substring(lt + 1, a.length() - 1).strip();
            if (!a.isEmpty()) out.add(a);
        }
        return out;
    }

    private static Instant time(JsonNode event, Instant fallback) {
        try {
            return event.hasNonNull("timestamp")
                    ? Instant.parse(event.path("timestamp").asText())
                    : fallback;
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static JsonNode read(String body) {
        try {
            JsonNode n = Json.mapper().readTree(body == null ? "" : body);
            if (n == null || !n.isObject()) throw new NotANotice("not a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw new NotANotice("not JSON");
        }
    }
}
