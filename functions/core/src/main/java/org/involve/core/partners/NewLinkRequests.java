package org.involve.core.partners;

import java.time.Clock;
import java.time.Instant;
import org.involve.core.kit.AnswerRules;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;
import org.involve.core.kit.Read;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxWriter;
import org.involve.core.role.RoleReader;

/**
 * A partner whose link has expired asks for a new one by entering their e-mail address. The answer is the same
 * whether or not we know the address (so nobody can find out who is a partner), and a link goes only to an address
 * on record, for each role they still hold, at most one an hour per role.
 */
public final class NewLinkRequests {
    public static final String EMAIL = "email";
    private static final Words WORDS = Words.of("partners");
    private final PartnerRecords records;
    private final RoleReader roles;
    private final PartnerLetters letters;
    private final OutboxWriter outbox;
    private final Clock clock;

    public NewLinkRequests(
            PartnerRecords records,
            RoleReader roles,
            PartnerLetters letters,
            OutboxWriter outbox,
            Clock clock) {
        this.records = records;
        this.roles = roles;
        this.letters = letters;
        this.outbox = outbox;
        this.clock = clock;
    }

    public static Field emailField() {
        return new Field(
                EMAIL,
                WORDS.get("field.linkEmail.label"),
                WORDS.get("field.linkEmail.hint"),
                Field.Kind.EMAIL,
                true,
                254,
                java.util.List.of(),
                "email",
                WORDS.get("field.linkEmail.error"));
    }

    /** @return the errors in what they typed (the page asks again), or none: the same answer whoever they are */
    public FieldErrors ask(String typed) {
        Field f = emailField();
        String value = typed == null ? "" : typed.strip();
        FieldErrors errors = new FieldErrors();
        FormValidator.check(f, value).ifPresent(m -> errors.add(EMAIL, m));
        if (!errors.isEmpty()) return errors;
        String wanted = AnswerRules.normaliseEmail(value);
        Instant now = clock.instant();
        for (PartnerRecords.Stored s : records.withEmail(value)) {
            s.partner()
                    .filter(Partner::current)
                    .filter(p -> AnswerRules.normaliseEmail(p.involvement().email()).equals(wanted))
                    .ifPresent(
                            p ->
                                    roles.find(p.appointment().roleId(), Read.EVENTUAL)
                                            .ifPresent(
                                                    role ->
                                                            outbox.addOnce(
                                                                    letters.newLink(
                                                                            role, p, now))));
        }
        return errors;
    }
}
