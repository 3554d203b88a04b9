package org.involve.handlers;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.involve.adapters.AwsClients;
import org.involve.adapters.S3StaticSite;
import org.involve.core.publishing.SitePublisher;
import org.involve.core.publishing.StaticSite;
import org.involve.core.role.RoleReader;

/** The site publisher's beans: the public site's templates, writing to the site bucket. */
@Factory
public class PublishingFactory {
    @Singleton
    StaticSite staticSite(InvolveSettings settings) {
        return new S3StaticSite(AwsClients.s3(), settings.siteBucket());
    }

    @Singleton
    SitePublisher sitePublisher(
            RoleReader roles, StaticSite site, Clock clock, InvolveSettings settings) {
        return new SitePublisher(roles, new TemplateSitePages(settings.retention()), site, clock);
    }
}
