package org.involve.core.partners;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;

/**
 * The partner's side of an appointment, which they can keep up to date themselves (from the link in every e-mail)
 * or staff keep for them: how to reach them, the adjustments carried over from the application, their interest
 * areas, when a pause began and when it is to end, the last day they held the role once they have left, the documents
 * they have agreed, their declared interests, their induction and the IT support asked for and given. {@code version}
 * counts the changes, so two changes at once cannot overwrite each other.
 *
 * @param contactMethod email, telephone or post, as on the application
 * @param returnDate    when a pause is to end, if they said; null otherwise
 * @param pausedOn      the day the pause began, while paused; null otherwise (and for a pause begun before it was kept)
 * @param lastDayInRole once they have left (retired, or their time ended), the last day they held the role; null
 *                      while they hold it (and for a record that ended before it was kept)
 * @param inductionDone the day staff recorded their induction, or null
 */
public record Involvement(
        String appointmentId,
        String name,
        String email,
        String phone,
        String addressLine1,
        String townOrCity,
        String postcode,
        String contactMethod,
        String adjustments,
        String interestAreas,
        LocalDate returnDate,
        LocalDate pausedOn,
        LocalDate lastDayInRole,
        Map<PartnerDocument, Agreed> documents,
        String interestsDeclared,
        LocalDate inductionDone,
        Map<ItSupport, ItRequest> itSupport,
        long version) {
    /** The application's questions whose answers carry over (see ApplicationForm's support and experience sections). */
    static final String ADJUSTMENTS = "adjustments", INTEREST_AREAS = "interestAreas";

    /** A document agreed: the day, the version agreed, and who recorded it (the partner, or a staff id for them). */
    public record Agreed(LocalDate on, String version, String by) {}

    /** IT support asked for (what they need, the day they asked) and, once given, the day staff gave it. */
    public record ItRequest(String detail, LocalDate asked, LocalDate given) {}

    public Involvement {
        if (appointmentId == null)
            throw new IllegalArgumentException("Involvement belongs to an appointment");
        name = blankToEmpty(name);
        email = blankToEmpty(email);
        phone = blankToEmpty(phone);
        addressLine1 = blankToEmpty(addressLine1);
        townOrCity = blankToEmpty(townOrCity);
        postcode = blankToEmpty(postcode);
        contactMethod = contactMethod == null || contactMethod.isBlank() ? "email" : contactMethod;
        adjustments = blankToEmpty(adjustments);
        interestAreas = blankToEmpty(interestAreas);
        interestsDeclared = blankToEmpty(interestsDeclared);
        documents = documents == null || documents.isEmpty() ? Map.of() : Map.copyOf(documents);
        itSupport = itSupport == null || itSupport.isEmpty() ? Map.of() : Map.copyOf(itSupport);
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    /** What the application told us, when they are appointed. */
    public static Involvement from(Application a, String appointmentId) {
        return new Involvement(
                appointmentId,
                a.answer(ApplicationForm.FULL_NAME),
                a.answer(ApplicationForm.EMAIL),
                a.answer(ApplicationForm.PHONE),
                a.answer(ApplicationForm.ADDRESS_LINE_1),
                a.answer(ApplicationForm.TOWN),
                a.answer(ApplicationForm.POSTCODE),
                a.contactMethod(),
                a.answer(ADJUSTMENTS),
                a.answer(INTEREST_AREAS),
                null,
                null,
                null,
                Map.of(),
                "",
                null,
                Map.of(),
                0);
    }

    public boolean byEmail() {
        return "email".equals(contactMethod) && !email.isEmpty();
    }

    /** Agreed in the version asked for now. */
    public boolean agreedCurrent(PartnerDocument d, String currentVersion) {
        Agreed a = documents.get(d);
        return a != null && a.version().equals(currentVersion);
    }

    /** The next version, with {@code change} made to a copy of the values. */
    Involvement next(Consumer<Mutable> change) {
        Mutable m = new Mutable(this);
        change.accept(m);
        return m.build(version + 1);
    }

    static final class Mutable {
        String name, email, phone, addressLine1, townOrCity, postcode, contactMethod;
        String adjustments, interestAreas, interestsDeclared;
        LocalDate returnDate, pausedOn, lastDayInRole, inductionDone;
        final Map<PartnerDocument, Agreed> documents = new EnumMap<>(PartnerDocument.class);
        final Map<ItSupport, ItRequest> itSupport = new EnumMap<>(ItSupport.class);
        private final String appointmentId;

        Mutable(Involvement i) {
            appointmentId = i.appointmentId;
            name = i.name;
            email = i.email;
            phone = i.phone;
            addressLine1 = i.addressLine1;
            townOrCity = i.townOrCity;
            postcode = i.postcode;
            contactMethod = i.contactMethod;
            adjustments = i.adjustments;
            interestAreas = i.interestAreas;
            interestsDeclared = i.interestsDeclared;
            returnDate = i.returnDate;
            pausedOn = i.pausedOn;
            lastDayInRole = i.lastDayInRole;
            inductionDone = i.inductionDone;
            documents.putAll(i.documents);
            itSupport.putAll(i.itSupport);
        }

        Involvement build(long version) {
            return new Involvement(
                    appointmentId,
                    name,
                    email,
                    phone,
                    addressLine1,
                    townOrCity,
                    postcode,
                    contactMethod,
                    adjustments,
                    interestAreas,
                    returnDate,
                    pausedOn,
                    lastDayInRole,
                    documents,
                    interestsDeclared,
                    inductionDone,
                    itSupport,
                    version);
        }
    }
}
