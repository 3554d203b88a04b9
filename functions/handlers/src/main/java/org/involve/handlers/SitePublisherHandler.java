package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.involve.core.publishing.SitePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the pages that are the same for everyone to the site bucket. Runs on every change to the roles table (its
 * DynamoDB stream: a role published, edited, closed or withdrawn), and once after each deploy. Whatever the event
 * says, it publishes the whole public part of the site as it is now, so a lost, repeated or late event does no harm:
 * the next run puts everything right.
 */
public class SitePublisherHandler
        implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(SitePublisherHandler.class);
    private final SitePublisher publisher;

    public SitePublisherHandler() {
        this(Beans.get(SitePublisher.class));
    }

    public SitePublisherHandler(SitePublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        LogContext.begin(context, null);
        SitePublisher.Published published = publisher.publish();
        Map<String, Object> summary =
                Map.of("written", published.written(), "removed", published.removed());
        LOG.info("Site published: {}", summary);
        return summary;
    }
}
