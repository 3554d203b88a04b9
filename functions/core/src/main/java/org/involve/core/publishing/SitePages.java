package org.involve.core.publishing;

import java.util.List;
import org.involve.core.role.Role;

/** The published pages, drawn by the same templates the public site draws them with when asked. */
public interface SitePages {
    String openRoles(List<Role> open);

    /** A role's page, saying whether it takes applications now (its Start button is a form sent to the site). */
    String role(Role role, boolean acceptingNow);

    /** The privacy notice, naming the organisations of the roles open now. */
    String privacy(List<String> organisations);

    String accessibility();

    String cookies();

    /** The page shown for an address with nothing there (and for one CloudFront may not show). */
    String notFound();

    /** The page shown when the site fails. */
    String fault();
}
