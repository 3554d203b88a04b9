package org.involve.adapters;

import java.util.ArrayList;
import java.util.List;
import org.involve.core.outbox.MailQueue;

/** The mail queue as a test sees it: the message ids announced, in order; or, when unreachable, a failure for each. */
final class Announcements implements MailQueue {
    final List<String> ids = new ArrayList<>();
    boolean unreachable;

    @Override
    public synchronized void announce(String messageId) {
        if (unreachable) throw new IllegalStateException("queue unreachable");
        ids.add(messageId);
    }
}
