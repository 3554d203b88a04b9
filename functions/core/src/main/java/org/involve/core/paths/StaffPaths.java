package org.involve.core.paths;

import org.involve.core.kit.Path;

/**
 * The staff pages' addresses (all under /staff, behind sign-in), by area, as template.yaml routes them: the
 * handlers' route tables are declared with these, and links in pages and e-mails to staff are built from them
 * ({@code staffSiteUrl + StaffPaths.REFERENCE_CANDIDATE.fill(roleId, reference)}).
 */
public final class StaffPaths {
    private StaffPaths() {}

    // ---------- Sign-in and home ----------
    public static final Path HOME = Path.of("/staff");
    public static final Path SIGN_IN = HOME.then("/sign-in");
    public static final Path CALLBACK = HOME.then("/callback");
    public static final Path SIGN_OUT = HOME.then("/sign-out");

    /** What a browser is shown when its sign-in ended before the page or form reached the staff pages. */
    public static final Path SESSION_ENDED = HOME.then("/session-ended");

    /** Anything else under /staff: a staff "Page not found" once signed in. */
    public static final Path ANYTHING_ELSE = HOME.then("/{proxy+}");

    // ---------- Roles ----------
    public static final Path ROLES = HOME.then("/roles");
    public static final Path ROLE_NEW = ROLES.then("/new");
    public static final Path ROLE = ROLES.then("/{roleId}");
    public static final Path ROLE_EDIT = ROLE.then("/edit");
    public static final Path ROLE_PUBLISH = ROLE.then("/publish");
    public static final Path ROLE_WITHDRAW = ROLE.then("/withdraw");
    public static final Path ROLE_EXTEND = ROLE.then("/extend");
    public static final Path ROLE_PANEL = ROLE.then("/panel");

    // ---------- Applications ----------
    public static final Path APPLICATIONS = HOME.then("/applications");
    public static final Path TALK_FIRST_QUEUE = APPLICATIONS.then("/talk-first");
    public static final Path UNACKNOWLEDGED = APPLICATIONS.then("/unacknowledged");
    public static final Path SUPPORT_REQUESTS = APPLICATIONS.then("/support");
    public static final Path APPLICATION = APPLICATIONS.then("/{reference}");
    public static final Path APPLICATION_TALK_FIRST = APPLICATION.then("/talk-first");
    public static final Path APPLICATION_ACKNOWLEDGE = APPLICATION.then("/acknowledge");
    public static final Path APPLICATION_SUPPORT_DONE = APPLICATION.then("/support-done");
    public static final Path APPLICATION_WITHDRAW = APPLICATION.then("/withdraw");

    /** A letter to print and post to an applicant who asked for post ({letter}: PrintedLetter.Kind's slug). */
    public static final Path APPLICATION_LETTER = APPLICATION.then("/letters/{letter}");

    public static final Path APPLICATION_LETTER_POSTED = APPLICATION_LETTER.then("/posted");
    public static final Path ROLE_APPLICATIONS = ROLE.then("/applications");
    public static final Path ROLE_APPLICATION_NEW = ROLE_APPLICATIONS.then("/new");

    // ---------- Shortlisting ----------
    public static final Path SHORTLISTING = HOME.then("/shortlisting");
    public static final Path SHORTLISTING_ROLE = SHORTLISTING.then("/{roleId}");
    public static final Path SHORTLISTING_APPLICANT =
            SHORTLISTING_ROLE.then("/applicants/{applicantId}");
    public static final Path SHORTLISTING_CONFLICT = SHORTLISTING_APPLICANT.then("/conflict");
    public static final Path SHORTLISTING_RESULTS = SHORTLISTING_ROLE.then("/results");
    public static final Path SHORTLIST = SHORTLISTING_ROLE.then("/shortlist");
    public static final Path SHORTLISTING_PAPERS = SHORTLISTING_ROLE.then("/papers");

    // ---------- Interviews ----------
    public static final Path INTERVIEWS = HOME.then("/interviews");
    public static final Path INTERVIEWS_ROLE = INTERVIEWS.then("/{roleId}");
    public static final Path INTERVIEW_SLOTS = INTERVIEWS_ROLE.then("/slots");
    public static final Path INTERVIEW_SLOT_REMOVE = INTERVIEW_SLOTS.then("/{slotId}/remove");
    public static final Path INTERVIEW_INVITATIONS = INTERVIEWS_ROLE.then("/invitations");
    public static final Path INTERVIEW_BOOKINGS = INTERVIEWS_ROLE.then("/bookings");
    public static final Path INTERVIEW_APPLICANT = INTERVIEWS_ROLE.then("/applicants/{reference}");
    public static final Path INTERVIEW_NEW_LINK = INTERVIEW_APPLICANT.then("/new-link");
    public static final Path INTERVIEW_DID_NOT_ATTEND = INTERVIEW_APPLICANT.then("/did-not-attend");

    // ---------- References ----------
    public static final Path REFERENCES = HOME.then("/references");
    public static final Path REFERENCES_ROLE = REFERENCES.then("/{roleId}");
    public static final Path REFERENCE_CANDIDATE = REFERENCES_ROLE.then("/{reference}");
    public static final Path REFERENCE_OFFER = REFERENCE_CANDIDATE.then("/offer");
    public static final Path REFERENCE_REPLACE =
            REFERENCE_CANDIDATE.then("/referees/{number}/replace");
    public static final Path REFERENCE_TELEPHONE =
            REFERENCE_CANDIDATE.then("/referees/{number}/telephone");
    public static final Path REFERENCE_UNSATISFACTORY =
            REFERENCE_CANDIDATE.then("/referees/{number}/unsatisfactory");

    // ---------- Outcomes ----------
    public static final Path OUTCOMES = HOME.then("/outcomes");
    public static final Path OUTCOMES_ROLE = OUTCOMES.then("/{roleId}");
    public static final Path OUTCOMES_SEND = OUTCOMES_ROLE.then("/send");
    public static final Path OUTCOME_TASK = OUTCOMES_ROLE.then("/tasks/{reference}");
    public static final Path OUTCOMES_CLOSE_RESERVE = OUTCOMES_ROLE.then("/reserve/close");

    // ---------- Partners ----------
    public static final Path PARTNERS = HOME.then("/partners");
    public static final Path PARTNERS_ROLE = PARTNERS.then("/{roleId}");
    public static final Path PARTNER_CANDIDATE = PARTNERS_ROLE.then("/{reference}");

    /** Staff record a change for a partner (induction, IT support given) or act on their behalf. */
    public static final Path PARTNER_STEP = PARTNER_CANDIDATE.then("/{step}");

    // ---------- E-mail problems (operations) ----------
    public static final Path EMAIL_PROBLEMS = HOME.then("/email");
    public static final Path EMAIL_SEND_AGAIN = EMAIL_PROBLEMS.then("/{messageId}/send-again");
    public static final Path EMAIL_MARK_SENT = EMAIL_PROBLEMS.then("/{messageId}/mark-sent");
    public static final Path EMAIL_MESSAGE = EMAIL_PROBLEMS.then("/{messageId}");
    public static final Path EMAIL_TOLD_ANOTHER_WAY =
            EMAIL_PROBLEMS.then("/{messageId}/told-another-way");

    /** Takes an e-mail whose text the retention job deleted off the problems list. */
    public static final Path EMAIL_REMOVE = EMAIL_PROBLEMS.then("/{messageId}/remove");

    // ---------- Meetings ----------
    public static final Path MEETINGS = HOME.then("/meetings");
    public static final Path MEETINGS_ROLE = MEETINGS.then("/{roleId}");
    public static final Path MEETINGS_PLAN = MEETINGS_ROLE.then("/plan");
    public static final Path MEETING = MEETINGS_ROLE.then("/meeting/{meetingId}");

    /** Staff record attended (with hours), apologies or absent for one invited partner. */
    public static final Path MEETING_ATTENDANCE = MEETING.then("/{appointmentId}");

    /** Staff change a planned meeting's details (partners told what changed). */
    public static final Path MEETING_CHANGE = MEETINGS_ROLE.then("/change/{meetingId}");

    /** Staff cancel a planned meeting (partners told). */
    public static final Path MEETING_CANCEL = MEETINGS_ROLE.then("/cancel/{meetingId}");

    // ---------- Impact ("you said, we did") ----------
    /** A group's impact log: what partners said and what changed because of it. */
    public static final Path IMPACT = MEETINGS_ROLE.then("/impact");

    public static final Path IMPACT_NEW = IMPACT.then("/new");
    public static final Path IMPACT_ENTRY = IMPACT.then("/entry/{entryId}");

    /** Staff send the group's entries not yet sent to its partners, as one digest e-mail each. */
    public static final Path IMPACT_SEND = IMPACT.then("/send");

    /** A group's report for one financial year (April to March), named by the year it starts in. */
    public static final Path IMPACT_REPORT = MEETINGS_ROLE.then("/report/{year}");

    public static final Path IMPACT_REPORT_CSV = IMPACT_REPORT.then("/csv");
    // ---------- Data protection (subject access and erasure) ----------
    public static final Path DATA_PROTECTION = HOME.then("/data-protection");

    /** Everything held about the person found by e-mail address or reference (?find=...), as a page. */
    public static final Path DATA_PROTECTION_PERSON = DATA_PROTECTION.then("/person");

    /** The same, as a JSON file: answering the subject access request (audited). */
    public static final Path DATA_PROTECTION_DOWNLOAD = DATA_PROTECTION.then("/download");

    /** Erasing the person's data (staff confirm on the person's page). */
    public static final Path DATA_PROTECTION_ERASE = DATA_PROTECTION.then("/erase");

    // ---------- Equality report (monitoring answers, counted; small numbers suppressed) ----------
    public static final Path EQUALITY = HOME.then("/equality");
    public static final Path EQUALITY_ROLE = EQUALITY.then("/{roleId}");
    public static final Path EQUALITY_ROLE_CSV = EQUALITY_ROLE.then("/csv");

    /** The report for every role of the programme this role is part of. */
    public static final Path EQUALITY_PROGRAMME = EQUALITY_ROLE.then("/programme");

    public static final Path EQUALITY_PROGRAMME_CSV = EQUALITY_PROGRAMME.then("/csv");

    // ---------- Equal opportunities answers given by telephone or on paper, entered with their
    // code ----------
    public static final Path MONITORING_ENTRY = HOME.then("/monitoring-answers");
    public static final Path MONITORING_ENTRY_ANSWERS = MONITORING_ENTRY.then("/answers");

    // ---------- Audit trail viewer (read only) ----------
    /** Looked up by ?kind=role|application|partner&id=...; later pages add &after=... */
    public static final Path AUDIT = HOME.then("/audit");

    /** Claims waiting for a decision (approve-claims permission), one claim, and the two decisions. */
    public static final Path CLAIMS = HOME.then("/claims");

    public static final Path CLAIM = CLAIMS.then("/{claimId}");
    public static final Path CLAIM_APPROVE = CLAIM.then("/approve");
    public static final Path CLAIM_REJECT = CLAIM.then("/reject");

    /** Staff making a claim for a partner who chose telephone or post: the claim page and each line's. */
    public static final Path CLAIM_FOR = CLAIMS.then("/for/{appointmentId}/{step}");

    /** Payroll exports (finance permission): the list, one export, its CSV, and marking it paid. */
    public static final Path FINANCE = HOME.then("/finance");

    public static final Path FINANCE_EXPORT = FINANCE.then("/{exportId}");
    public static final Path FINANCE_EXPORT_CSV = FINANCE_EXPORT.then("/csv");
    public static final Path FINANCE_EXPORT_PAID = FINANCE_EXPORT.then("/paid");
}
