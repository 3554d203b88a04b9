package org.involve.core.shortlisting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Read;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RolePanel;
import org.involve.core.role.RolePanels;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.Roles;
import org.involve.core.staff.PanelGroup;
import org.involve.core.staff.PanelMember;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Staff choose a role's shortlisting panel from the people in the panel group ({@link PanelGroup}). The panel is kept
 * with the role, with its audit entry. Chosen before the role closes, its members are e-mailed at closing; chosen (or
 * added to) while the role is being shortlisted, each new member is e-mailed "ready for scoring" now, in the same
 * transaction, and once only (a member taken off and put back is not told again).
 */
public final class PanelChoice {
    private static final Words WORDS = Words.of("shortlisting");
    private final RoleReader roles;
    private final RolePanels panels;
    private final PanelGroup group;
    private final ReadyForScoring letters;
    private final Clock clock;

    public PanelChoice(
            RoleReader roles,
            RolePanels panels,
            PanelGroup group,
            Clock clock,
            String staffSiteUrl) {
        this.roles = roles;
        this.panels = panels;
        this.group = group;
        this.clock = clock;
        this.letters = new ReadyForScoring(staffSiteUrl);
    }

    /** The role, its panel now, and everyone who may be chosen (the panel group, and anyone already on the panel), by name. */
    public record Form(Role role, RolePanel panel, List<PanelMember> candidates) {}

    public sealed interface Outcome {
        /** Nothing was saved; {@code chosen} are the ids sent, to show ticked again. */
        record Invalid(String error, Set<String> chosen) implements Outcome {}

        /** @param messageIds the "ready for scoring" e-mails written now */
        record Chosen(RolePanel panel, List<String> messageIds) implements Outcome {}
    }

    public Form form(StaffMember who, String roleId) {
        who.require(Permission.CHOOSE_PANEL);
        Role role = role(roleId);
        RolePanel panel = panels.panelOf(roleId, Read.CONSISTENT);
        Map<String, PanelMember> candidates = new LinkedHashMap<>();
        for (PanelMember m : group.members()) candidates.put(m.id(), m);
        for (PanelMember m : panel.members()) candidates.putIfAbsent(m.id(), m);
        List<PanelMember> sorted = new ArrayList<>(candidates.values());
        sorted.sort(Comparator.comparing(PanelMember::name).thenComparing(PanelMember::id));
        return new Form(role, panel, sorted);
    }

    /**
     * Someone else changed the panel (or the role's status) after this person's form was read, or the form carried no
     * version: nothing was saved. {@code current} is the form as it is now; {@code chosen} the ids this person sent.
     */
    public static final class ChangedMeanwhile extends Refused {
        private final transient Form current;
        private final Set<String> chosen;

        ChangedMeanwhile(Form current, Set<String> chosen) {
            super(WORDS.get("error.panel.changedMeanwhile"));
            this.current = current;
            this.chosen = Set.copyOf(chosen);
        }

        public Form current() {
            return current;
        }

        public Set<String> chosen() {
            return chosen;
        }
    }

    /**
     * Saves the panel as {@code memberIds}, if it is still the {@code version} ({@link RolePanel#version}) the
     * person's form was read at; otherwise {@link ChangedMeanwhile}, and nothing is saved.
     */
    public Outcome choose(
            StaffMember who, String roleId, Collection<String> memberIds, String version) {
        Form form = form(who, roleId);
        Role role = form.role();
        if (role.status() == RoleStatus.WITHDRAWN || role.status() == RoleStatus.FILLED)
            throw new Refused(WORDS.get("error.panel.roleOver"));
        Set<String> chosen = Set.copyOf(memberIds);
        if (!Version.matches(version, form.panel().version()))
            throw new ChangedMeanwhile(form, chosen);
        if (chosen.isEmpty()) return new Outcome.Invalid(WORDS.get("error.panel.none"), chosen);
        Set<String> known =
                form.candidates().stream().map(PanelMember::id).collect(Collectors.toSet());
        if (!known.containsAll(chosen))
            return new Outcome.Invalid(WORDS.get("error.panel.unknown"), chosen);
        RolePanel before = form.panel();
        RolePanel after =
                new RolePanel(
                        form.candidates().stream().filter(m -> chosen.contains(m.id())).toList());
        if (after.equals(before)) return new Outcome.Chosen(after, List.of());
        Instant now = clock.instant();
        List<OutboxMessage> messages =
                role.status() == RoleStatus.SHORTLISTING
                        ? after.addedSince(before).stream()
                                .map(m -> letters.toMember(role, m, now))
                                .toList()
                        : List.of();
        AuditEntry entry =
                AuditEntry.by(
                        who,
                        "chose the shortlisting panel",
                        "role:" + roleId,
                        now,
                        state(before),
                        state(after));
        try {
            panels.choose(roleId, role.status(), before, after, entry, messages);
        } catch (Roles.ChangedSince e) {
            // Changed between this read and the write: answered like a form read before the change.
            throw new ChangedMeanwhile(form(who, roleId), chosen);
        }
        return new Outcome.Chosen(after, messages.stream().map(OutboxMessage::id).toList());
    }

    /** The panel as the audit trail keeps it: its members' sign-in ids (never names), or how many if too long for a line. */
    static String state(RolePanel panel) {
        if (panel.isEmpty()) return "no panel";
        String ids = "panel: " + String.join(" ", panel.ids());
        return ids.length() <= 280 ? ids : "panel of " + panel.members().size();
    }

    private Role role(String roleId) {
        return roles.find(roleId, Read.CONSISTENT).orElseThrow(() -> new NotFound("role"));
    }
}
