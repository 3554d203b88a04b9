package org.involve.core.kit;

/**
 * An action a rule does not allow now (publishing a role with gaps, removing a booked interview time): the message
 * says why in plain words, to show as it is. Every area's refusal extends this, so the handlers answer all of them
 * in one place (409, with the message on the area's page).
 */
public class Refused extends RuntimeException {
    public Refused(String message) {
        super(message);
    }
}
