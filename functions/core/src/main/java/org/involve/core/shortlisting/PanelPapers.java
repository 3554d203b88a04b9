package org.involve.core.shortlisting;

import java.util.Set;
import java.util.stream.Collectors;
import org.involve.core.application.Application;
import org.involve.core.application.RoundApplications;
import org.involve.core.role.Role;

/**
 * Prepares a role's papers for the panel: each RECEIVED application, anonymised ({@link AnonymisedApplication} and
 * nothing more), written once to the shortlist store. Applications held to talk to the applicant first, or already
 * moved on, get no paper; one released later gets its paper the next time papers are prepared. Preparing again adds
 * only what is missing and never changes a paper the panel may already have scored.
 */
public final class PanelPapers {
    private final RoundApplications applications;
    private final ShortlistStore store;
    private final AnonymousIds ids;

    public PanelPapers(RoundApplications applications, ShortlistStore store, AnonymousIds ids) {
        this.applications = applications;
        this.store = store;
        this.ids = ids;
    }

    /** @return how many papers this call added */
    public int prepare(Role role) {
        Set<String> have =
                store.papers(role.id()).stream()
                        .map(AnonymisedApplication::applicantId)
                        .collect(Collectors.toSet());
        int added = 0;
        for (Application a : applications.forRole(role.id())) {
            if (a.status() != Application.Status.RECEIVED
                    || have.contains(ids.of(role.id(), a.reference()))) continue;
            if (store.addPaper(AnonymisedApplication.of(role, a, ids))) added++;
        }
        return added;
    }

    /** How many of the role's RECEIVED applications have no paper yet (released from the talk-first queue since, say). */
    public long unprepared(Role role) {
        Set<String> have =
                store.papers(role.id()).stream()
                        .map(AnonymisedApplication::applicantId)
                        .collect(Collectors.toSet());
        return applications.forRole(role.id()).stream()
                .filter(
                        a ->
                                a.status() == Application.Status.RECEIVED
                                        && !have.contains(ids.of(role.id(), a.reference())))
                .count();
    }
}
