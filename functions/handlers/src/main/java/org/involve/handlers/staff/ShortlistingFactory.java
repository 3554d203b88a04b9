package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.involve.core.application.RoundApplications;
import org.involve.core.audit.AuditTrail;
import org.involve.core.links.KeyPurpose;
import org.involve.core.links.SigningKeys;
import org.involve.core.outbox.OutboxWriter;
import org.involve.core.role.RolePanels;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RolesForClosing;
import org.involve.core.shortlisting.AnonymousIds;
import org.involve.core.shortlisting.ClosingRun;
import org.involve.core.shortlisting.PanelChoice;
import org.involve.core.shortlisting.PanelPapers;
import org.involve.core.shortlisting.PanelScoring;
import org.involve.core.shortlisting.ScoreScale;
import org.involve.core.shortlisting.ShortlistRecording;
import org.involve.core.shortlisting.ShortlistStore;
import org.involve.core.shortlisting.ShortlistingPanel;
import org.involve.core.staff.PanelGroup;
import org.involve.handlers.InvolveSettings;

/**
 * Shortlisting's beans. The panel's {@link ShortlistingPanel} and {@link PanelScoring} read the shortlisting store
 * and the roles (with their panels) only: no applications; a declared conflict of interest appends to the audit trail. Staff's {@link ShortlistRecording} adds the round's
 * applications and the audit trail; the closing job's {@link ClosingRun} prepares the papers. Anonymous ids are keyed
 * with the panel ids' key (PANEL_IDS_KEY_SECRET), which the panel's function is never given.
 */
@Factory
public class ShortlistingFactory {
    @Singleton
    AnonymousIds anonymousIds(SigningKeys keys, InvolveSettings settings) {
        return new AnonymousIds(settings.keysOf(keys, KeyPurpose.PANEL_IDS));
    }

    @Singleton
    ShortlistingPanel shortlistingPanel(RoleReader roles, RolePanels panels, ShortlistStore store) {
        return new ShortlistingPanel(roles, panels, store, ScoreScale.STANDARD);
    }

    /** Staff choose a role's panel from the panel group as sign-ins recorded it. */
    @Singleton
    PanelChoice panelChoice(
            RoleReader roles,
            RolePanels panels,
            PanelGroup group,
            Clock clock,
            InvolveSettings settings) {
        return new PanelChoice(roles, panels, group, clock, settings.staffSiteUrl());
    }

    @Singleton
    PanelScoring panelScoring(
            RoleReader roles,
            RolePanels panels,
            ShortlistStore store,
            OutboxWriter outbox,
            Clock clock,
            InvolveSettings settings) {
        return new PanelScoring(
                roles, panels, store, ScoreScale.STANDARD, outbox, clock, settings.staffSiteUrl());
    }

    @Singleton
    ShortlistRecording shortlistRecording(
            RoleReader roles,
            RolePanels panels,
            ShortlistStore store,
            RoundApplications applications,
            AnonymousIds ids,
            OutboxWriter outbox,
            AuditTrail audit,
            Clock clock,
            InvolveSettings settings) {
        return new ShortlistRecording(
                roles,
                panels,
                store,
                applications,
                ids,
                ScoreScale.STANDARD,
                outbox,
                audit,
                clock,
                settings.staffSiteUrl());
    }

    /** Closing a role also prepares its panel's papers, anonymised with the shortlisting ids. */
    @Singleton
    ClosingRun closingRun(
            RolesForClosing roles,
            RolePanels panels,
            RoundApplications applications,
            ShortlistStore store,
            AnonymousIds ids,
            InvolveSettings settings) {
        return new ClosingRun(
                roles, panels, new PanelPapers(applications, store, ids), settings.staffSiteUrl());
    }
}
