package org.involve.core.links;

/**
 * What a signing key is for. Each purpose has a secret of its own (template.yaml's {@code *KeySecret}s), and a
 * function is given only the secrets of the purposes it signs or verifies, so a key that leaks from one place cannot
 * make a link for another: a referee's link cannot be forged with the key of the partners' links.
 *
 * <p>{@link #rotates()}: a key whose tokens are checked against the key that signed them (the key id is in the
 * token) can be rotated while old links keep working. The others are <em>derivation</em> keys: what they make (a
 * panel's anonymous id, a save-and-return code, a monitoring token, where monitoring answers are kept) is worked
 * out again later and must come out the same, so changing the key would lose the panel's ids or the answers. They
 * have one key for good (the key id "legacy", today's value) and no rotation schedule.
 */
public enum KeyPurpose {
    /** Withdraw and carry-on links in e-mails to applicants. */
    APPLICANT_LINKS("ApplicantLinksKeySecret", true),
    /** Referees' one-use links to give a reference. */
    REFEREE_LINKS("RefereeLinksKeySecret", true),
    /** Applicants' one-use links to book an interview. */
    INTERVIEW_LINKS("InterviewLinksKeySecret", true),
    /** Partners' "your involvement" links. */
    PARTNER_LINKS("PartnerLinksKeySecret", true),
    /** The save-and-return code of an unsent application, and the pseudonyms counting its tries. */
    RETURN_CODES("ReturnCodesKeySecret", false),
    /** The ids a shortlisting panel knows applicants by. */
    PANEL_IDS("PanelIdsKeySecret", false),
    /** The equal opportunities form's link tokens and short codes, and the pseudonyms counting code tries. */
    MONITORING_LINKS("MonitoringLinksKeySecret", false),
    /** Where an application's equal opportunities answers are kept (only the form, the report and data protection). */
    MONITORING_ANSWERS("MonitoringKeySecret", false);

    private final String secret;
    private final boolean rotates;

    KeyPurpose(String secret, boolean rotates) {
        this.secret = secret;
        this.rotates = rotates;
    }

    /** The secret's logical id in template.yaml. */
    public String secret() {
        return secret;
    }

    /**
     * The setting (environment variable) naming the secret: {@code APPLICANT_LINKS_KEY_SECRET} and so on. It holds the
     * secret's ARN, never its value.
     */
    public String setting() {
        return name() + "_KEY_SECRET";
    }

    public boolean rotates() {
        return rotates;
    }
}
