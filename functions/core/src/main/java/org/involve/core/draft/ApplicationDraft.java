package org.involve.core.draft;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An application being filled in, saved after every section so nothing is lost between pages.
 * {@code submittedReference} is set in the same write that stores the application, so a second press of
 * Submit finds it and shows the same confirmation. {@code earlierApplication} says the person had already applied
 * from another draft, so the reference is that application's and nothing new was sent. {@code returnReference} is
 * what the person reads out or types to carry on elsewhere, with its code ({@link ReturnCodes}); drafts saved before
 * it existed have none until their next save.
 */
public record ApplicationDraft(
        String id,
        String roleId,
        Instant startedAt,
        Map<String, String> answers,
        Set<String> completedSections,
        String submittedReference,
        Instant expiresAt,
        boolean earlierApplication,
        String returnReference) {
    public ApplicationDraft {
        answers = Map.copyOf(answers);
        completedSections = Set.copyOf(completedSections);
    }

    public ApplicationDraft(
            String id,
            String roleId,
            Instant startedAt,
            Map<String, String> answers,
            Set<String> completedSections,
            String submittedReference,
            Instant expiresAt) {
        this(
                id,
                roleId,
                startedAt,
                answers,
                completedSections,
                submittedReference,
                expiresAt,
                false);
    }

    public ApplicationDraft(
            String id,
            String roleId,
            Instant startedAt,
            Map<String, String> answers,
            Set<String> completedSections,
            String submittedReference,
            Instant expiresAt,
            boolean earlierApplication) {
        this(
                id,
                roleId,
                startedAt,
                answers,
                completedSections,
                submittedReference,
                expiresAt,
                earlierApplication,
                null);
    }

    /** The same draft with the reference a person can give to carry on with it. */
    public ApplicationDraft withReturnReference(String reference) {
        return new ApplicationDraft(
                id,
                roleId,
                startedAt,
                answers,
                completedSections,
                submittedReference,
                expiresAt,
                earlierApplication,
                reference);
    }

    /** This draft leads to an application the person had already made from another draft. */
    public ApplicationDraft pointingAtEarlier(String reference) {
        return new ApplicationDraft(
                id,
                roleId,
                startedAt,
                answers,
                completedSections,
                reference,
                expiresAt,
                true,
                returnReference);
    }

    public ApplicationDraft withSection(String sectionId, Map<String, String> values) {
        Map<String, String> merged = new LinkedHashMap<>(answers);
        merged.putAll(values);
        Set<String> done = new LinkedHashSet<>(completedSections);
        done.add(sectionId);
        return new ApplicationDraft(
                id,
                roleId,
                startedAt,
                merged,
                done,
                submittedReference,
                expiresAt,
                earlierApplication,
                returnReference);
    }

    /** Kept until this moment: each save gives the person the whole period again. */
    public ApplicationDraft keptUntil(Instant until) {
        return new ApplicationDraft(
                id,
                roleId,
                startedAt,
                answers,
                completedSections,
                submittedReference,
                until,
                earlierApplication,
                returnReference);
    }

    /** The section must be answered again (its answers are kept, to show on its page). */
    public ApplicationDraft reopened(String sectionId) {
        Set<String> done = new LinkedHashSet<>(completedSections);
        done.remove(sectionId);
        return new ApplicationDraft(
                id,
                roleId,
                startedAt,
                answers,
                done,
                submittedReference,
                expiresAt,
                earlierApplication,
                returnReference);
    }

    public boolean submitted() {
        return submittedReference != null;
    }
}
