package org.involve.core.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.ApplicationJourney;
import org.involve.core.role.Role;

/** Submitted applications from fictional applicants, every question answered. */
public final class TestApplications {
    private TestApplications() {}

    public static Application submitted(
            Role role, String reference, Instant at, Map<String, String> changes) {
        Map<String, String> a = new HashMap<>(Answers.valid(role));
        a.put("addressLine2", "Flat 9");
        a.put("supportNeeds", "A lift to the meeting room");
        a.put("adjustments", "Captions on video calls");
        a.put("otherFormat", "Large print");
        a.put("networks", "A carers' network");
        if (!role.priorityCommunities().isEmpty())
            a.put("priorityConnection", "I volunteer with a community group.");
        a.putAll(changes);
        String method = a.getOrDefault(ApplicationForm.CONTACT_METHOD, "email");
        return new Application(
                reference,
                role.id(),
                ApplicationJourney.applicantKey(a),
                Application.Status.RECEIVED,
                a,
                at,
                method,
                "email".equals(method)
                        ? Application.Acknowledgement.EMAIL_QUEUED
                        : Application.Acknowledgement.STAFF_TO_CONTACT,
                "applicant");
    }

    public static Application submitted(Role role, String reference, Instant at) {
        return submitted(role, reference, at, Map.of());
    }
}
