package org.involve.core.fakes;

import java.util.ArrayList;
import java.util.List;
import org.involve.core.outbox.MailQueue;

public final class RecordingMailQueue implements MailQueue {
    public final List<String> announced = new ArrayList<>();
    public boolean unreachable;

    @Override
    public void announce(String messageId) {
        if (unreachable) throw new IllegalStateException("queue unreachable");
        announced.add(messageId);
    }
}
