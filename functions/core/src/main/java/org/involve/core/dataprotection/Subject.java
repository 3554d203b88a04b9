package org.involve.core.dataprotection;

import java.util.Set;

/**
 * The person a data protection request is about, as found in the records: the applicant keys (hashes of their
 * e-mail address, telephone number, or name and postcode) that join their applications, drafts, references,
 * interview slots and partner records, the references of their applications, and the e-mail addresses they gave
 * (to tell them when an erasure is done). Held only while staff work on the request; never stored.
 *
 * @param name the name they gave, for the page's heading (empty when no record names them)
 * @param refereeKeys one-way keys of the e-mail address by which reference requests name them as a referee (a
 *     person may be only a referee: then they have no applicant keys)
 */
public record Subject(
        String name,
        Set<String> applicantKeys,
        Set<String> references,
        Set<String> emailAddresses,
        Set<String> refereeKeys) {
    public Subject {
        name = name == null ? "" : name;
        applicantKeys = Set.copyOf(applicantKeys);
        references = Set.copyOf(references);
        emailAddresses = Set.copyOf(emailAddresses);
        refereeKeys = Set.copyOf(refereeKeys);
        if (applicantKeys.isEmpty() && refereeKeys.isEmpty())
            throw new IllegalArgumentException("A subject is found through at least one record");
    }

    /** A person found as an applicant or partner (not as a referee). */
    public Subject(
            String name,
            Set<String> applicantKeys,
            Set<String> references,
            Set<String> emailAddresses) {
        this(name, applicantKeys, references, emailAddresses, Set.of());
    }
}
