package org.involve.core.fakes;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.core.application.Application;
import org.involve.core.application.OutstandingAcknowledgements;

public final class InMemoryOutstandingAcknowledgements implements OutstandingAcknowledgements {
    public final Map<String, Application> outstanding = new ConcurrentHashMap<>();

    public void add(Application app) {
        outstanding.put(app.reference(), app);
    }

    public void acknowledged(String reference) {
        outstanding.remove(reference);
    }

    @Override
    public List<Application> submittedBy(Instant submittedBy) {
        return outstanding.values().stream()
                .filter(a -> !a.submittedAt().isAfter(submittedBy))
                .sorted(Comparator.comparing(Application::submittedAt))
                .toList();
    }
}
