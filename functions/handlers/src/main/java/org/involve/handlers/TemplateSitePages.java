package org.involve.handlers;

import java.util.List;
import org.involve.core.kit.Retention;
import org.involve.core.publishing.SitePages;
import org.involve.core.role.Role;
import org.involve.handlers.views.PrivacyPages;
import org.involve.handlers.views.PublicPages;

/** The published pages, drawn by the public site's own templates, so a published page is the page it would draw. */
public final class TemplateSitePages implements SitePages {
    private final Retention retention;

    public TemplateSitePages(Retention retention) {
        this.retention = retention;
    }

    @Override
    public String openRoles(List<Role> open) {
        return PublicPages.openRoles(open);
    }

    @Override
    public String role(Role role, boolean acceptingNow) {
        return PublicPages.roleDetails(role, acceptingNow);
    }

    @Override
    public String privacy(List<String> organisations) {
        return PrivacyPages.privacy(organisations, retention);
    }

    @Override
    public String accessibility() {
        return PrivacyPages.accessibility();
    }

    @Override
    public String cookies() {
        return PrivacyPages.cookies(retention.draftDays());
    }

    @Override
    public String notFound() {
        return WebErrors.notFoundPage();
    }

    @Override
    public String fault() {
        return WebErrors.faultPage();
    }
}
