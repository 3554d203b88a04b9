package org.involve.core.partners;

import java.time.Clock;
import java.util.Map;
import org.involve.core.links.LinkCheck;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.LinkRefusal;
import org.involve.core.links.SignedLink;
import org.involve.core.role.Role;

/**
 * "Your involvement", from the signed, expiring link in every e-mail to a partner. The link names the appointment only;
 * it can be used as often as they like until it expires (so it is not spent), and then they ask for a new one.
 */
public final class YourInvolvement {
    private final SignedLink links;
    private final PartnerChanges changes;
    private final Clock clock;

    public YourInvolvement(SignedLink links, PartnerChanges changes, Clock clock) {
        this.links = links;
        this.changes = changes;
        this.clock = clock;
    }

    public sealed interface Opened {
        record Page(Partner partner, Role role) implements Opened {}

        record Refused(LinkRefusal reason) implements Opened {}
    }

    public Opened open(String token) {
        LinkCheck check = links.verify(token, LinkPurpose.PARTNER, clock.instant());
        if (check instanceof LinkCheck.Refused r) return new Opened.Refused(r.reason());
        String id = ((LinkCheck.Valid) check).subjectId();
        try {
            Partner p = changes.partner(id);
            return new Opened.Page(p, changes.role(p));
        } catch (PartnerChanges.NoSuchPartner gone) {
            return new Opened.Refused(LinkRefusal.TAMPERED);
        }
    }

    /** The change, or null when the link is refused (open it again to say why). */
    public PartnerChanges.Result act(String token, String step, Map<String, String> posted) {
        if (!(open(token) instanceof Opened.Page page)) return null;
        return changes.act(PartnerChanges.Actor.partner(), page.partner().id(), step, posted);
    }
}
