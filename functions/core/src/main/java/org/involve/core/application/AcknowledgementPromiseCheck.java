package org.involve.core.application;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Email;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Read;
import org.involve.core.kit.UkTime;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outbox.OutboxWriter;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;

/**
 * Tells staff about any application still unacknowledged as the role's promise (acknowledgement within 5 or 7
 * days) nears. Days are counted on UK calendars: a promise made at 10am is due at 10am UK time, even when the
 * clocks change in between. One alert per application, whatever the number of runs.
 */
public final class AcknowledgementPromiseCheck {
    private final OutstandingAcknowledgements outstanding;
    private final RoleReader roles;
    private final OutboxWriter outbox;
    private final String staffSiteUrl;
    private final Period warning;

    /** @param warning how long before the promise falls due staff are told (1 day by default) */
    public AcknowledgementPromiseCheck(
            OutstandingAcknowledgements outstanding,
            RoleReader roles,
            OutboxWriter outbox,
            String staffSiteUrl,
            Period warning) {
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The staff site address must be an http(s) address");
        if (warning == null || warning.isNegative())
            throw new IllegalArgumentException("The warning period cannot be negative");
        this.outstanding = outstanding;
        this.roles = roles;
        this.outbox = outbox;
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
        this.warning = warning;
    }

    /** @param messageIds alerts written by this run (announced by the outbox as it wrote them) */
    public record Result(List<String> messageIds) {}

    public Result run(Instant now) {
        List<String> written = new ArrayList<>();
        // Each role read once a run, however many of its applications are outstanding.
        Map<String, Optional<Role>> read = new HashMap<>();
        for (Application app : outstanding.submittedBy(now)) {
            Optional<Role> role =
                    read.computeIfAbsent(app.roleId(), id -> roles.find(id, Read.EVENTUAL));
            if (role.isEmpty() || role.get().acknowledgementDays() <= 0) continue;
            if (now.isBefore(alertFrom(role.get(), app, warning))) continue;
            OutboxMessage m =
                    new OutboxMessage(
                            alertId(app),
                            alert(role.get(), app),
                            now,
                            now,
                            0,
                            "acknowledgement-overdue");
            if (outbox.addOnce(m)) written.add(m.id());
        }
        return new Result(written);
    }

    /** The acknowledgement is promised by the same time of day, UK time, the promised number of days later. */
    public static Instant promisedBy(Role role, Application app) {
        return app.submittedAt()
                .atZone(ClosingTime.UK)
                .plusDays(role.acknowledgementDays())
                .toInstant();
    }

    public static Instant alertFrom(Role role, Application app, Period warning) {
        return app.submittedAt()
                .atZone(ClosingTime.UK)
                .plusDays(role.acknowledgementDays())
                .minus(warning)
                .toInstant();
    }

    public static String alertId(Application app) {
        return "ack-promise-" + app.reference();
    }

    // Only the reference and the way they asked to be contacted: staff open the application to see
    // who it is.
    private Email alert(Role role, Application app) {
        String by = UkTime.display(promisedBy(role, app));
        Letter l =
                Letter.of(Words.of("applications"), "acknowledgementDue")
                        .say(
                                "arrived",
                                "reference",
                                app.reference(),
                                "role",
                                role.title(),
                                "arrived",
                                UkTime.display(app.submittedAt()))
                        .say("promise", "days", role.acknowledgementDays(), "by", by);
        if (app.acknowledgement() == Application.Acknowledgement.STAFF_TO_CONTACT)
            l.say("staffToContact", "method", app.contactMethod());
        else l.say("notDelivered");
        return l.linked("link", staffSiteUrl + StaffPaths.APPLICATION.fill(app.reference()))
                .send(role.contact().teamEmail(), "reference", app.reference(), "by", by);
    }
}
