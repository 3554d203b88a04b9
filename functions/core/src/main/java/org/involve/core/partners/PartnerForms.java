package org.involve.core.partners;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.application.ApplicationForm;
import org.involve.core.kit.DateInput;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;

/** The questions of the partner's forms (and staff's, acting for them), with their words from content/partners. */
public final class PartnerForms {
    private static final Words W = Words.of("partners");
    public static final String RETURN_DATE = "returnDate",
            CONFIRM = "confirm",
            AGREE = "agree",
            INTERESTS = "interests",
            KIND = "kind",
            DETAIL = "detail",
            ADJUSTMENTS = Involvement.ADJUSTMENTS,
            INTEREST_AREAS = Involvement.INTEREST_AREAS;

    private PartnerForms() {}

    /** How to reach them, what adjustments they need and the areas they are interested in. */
    public static List<Field> contact() {
        return List.of(
                Field.text(
                        ApplicationForm.FULL_NAME,
                        W.get("field.fullName.label"),
                        null,
                        true,
                        100,
                        "name",
                        W.get("field.fullName.error")),
                Field.radios(
                        ApplicationForm.CONTACT_METHOD,
                        W.get("field.contactMethod.label"),
                        W.get("field.contactMethod.hint"),
                        List.of(
                                new Field.Option("email", W.get("field.contactMethod.email")),
                                new Field.Option(
                                        "telephone", W.get("field.contactMethod.telephone")),
                                new Field.Option("post", W.get("field.contactMethod.post"))),
                        W.get("field.contactMethod.error")),
                new Field(
                        ApplicationForm.EMAIL,
                        W.get("field.email.label"),
                        null,
                        Field.Kind.EMAIL,
                        false,
                        254,
                        List.of(),
                        "email",
                        null),
                new Field(
                        ApplicationForm.PHONE,
                        W.get("field.phone.label"),
                        null,
                        Field.Kind.PHONE,
                        false,
                        30,
                        List.of(),
                        "tel",
                        null),
                Field.text(
                        ApplicationForm.ADDRESS_LINE_1,
                        W.get("field.addressLine1.label"),
                        null,
                        false,
                        100,
                        "address-line1",
                        null),
                Field.text(
                        ApplicationForm.TOWN,
                        W.get("field.townOrCity.label"),
                        null,
                        false,
                        60,
                        "address-level2",
                        null),
                new Field(
                        ApplicationForm.POSTCODE,
                        W.get("field.postcode.label"),
                        null,
                        Field.Kind.POSTCODE,
                        false,
                        10,
                        List.of(),
                        "postal-code",
                        null),
                Field.textarea(
                        ADJUSTMENTS,
                        W.get("field.adjustments.label"),
                        W.get("field.adjustments.hint"),
                        false,
                        1500,
                        null),
                Field.textarea(
                        INTEREST_AREAS,
                        W.get("field.interestAreas.label"),
                        W.get("field.interestAreas.hint"),
                        false,
                        1500,
                        null));
    }

    /** Retiring is confirmed with a tick. */
    public static Field confirmRetire() {
        return Field.agree(
                CONFIRM,
                W.get("field.confirmRetire.label"),
                null,
                W.get("field.confirmRetire.error"));
    }

    /** Agreeing a document is a tick. */
    public static Field agree(PartnerDocument d) {
        return Field.agree(
                AGREE,
                W.get("field.agree." + d.slug()),
                null,
                W.get("field.agree.error." + d.slug()));
    }

    /** The declaration of interests: what they declare (or "none"). */
    public static Field interests() {
        return Field.textarea(
                INTERESTS,
                W.get("field.interests.label"),
                W.get("field.interests.hint"),
                true,
                1500,
                W.get("field.interests.error"));
    }

    /** Which kind of IT support, and what they need (staff choose the same when recording it given). */
    public static Field itKind(List<ItSupport> kinds) {
        List<Field.Option> options = new ArrayList<>();
        for (ItSupport k : kinds)
            options.add(
                    new Field.Option(
                            k.slug(),
                            W.get("field.itKind." + k.slug()),
                            W.has("field.itKind." + k.slug() + ".hint")
                                    ? W.get("field.itKind." + k.slug() + ".hint")
                                    : null));
        return Field.radios(
                KIND, W.get("field.itKind.label"), null, options, W.get("field.itKind.error"));
    }

    public static Field itDetail() {
        return Field.textarea(
                DETAIL,
                W.get("field.itDetail.label"),
                W.get("field.itDetail.hint"),
                false,
                500,
                null);
    }

    /** The current version of a document, from the content file. */
    public static String version(PartnerDocument d) {
        return W.get("document." + d.slug() + ".version");
    }

    /**
     * An optional date from the NHS.UK date input: null when left empty; an error saying which parts are missing when
     * only part of it is given, or that it is not a real date ({@code field.NAME.error.*}).
     */
    static LocalDate optionalDate(DateInput typed, FieldErrors errors) {
        return typed.read(errors, W, "field." + typed.name() + ".error");
    }
}
