package org.involve.handlers;

import org.involve.core.outbox.MailQueue;
import org.slf4j.Logger;

import java.util.List;

/** Tells the mailer about messages a job has put in the outbox, so they go now rather than at the next sweep. */
final class MailAnnouncements {
    private MailAnnouncements() {}

    /** Best effort: a message is safe in the outbox whatever happens here, and the scheduled sweep sends any not announced. */
    static void announce(MailQueue queue, List<String> messageIds, Logger log) {
        for (String id : messageIds) {
            try {
                queue.announce(id);
            } catch (RuntimeException e) {
                log.warn("Could not announce outbox message {}; the sweep will send it: {}", id, e.getClass().getSimpleName());
            }
        }
    }
}
