package org.involve.core.monitoring;

import java.util.Map;
import java.util.Optional;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;
import org.involve.core.kit.Read;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;

/**
 * Records equal-opportunities answers given through a signed link, once, under a key no application holds, while the
 * role's round is running. Once it is over (the role filled or withdrawn: {@link
 * org.involve.core.role.RoleStatus#roundOver}) the form has closed for the role: the clock of the role's answers has
 * started then, they are all deleted together when it runs out, and answers taken after that would be kept with no
 * clock. The store checks it again in the write that records them, with the retention job's mark that the role's
 * answers have gone.
 */
public final class MonitoringForm {
    private final MonitoringStore store;
    private final MonitoringToken tokens;
    private final MonitoringKey keys;
    private final RoleReader roles;

    /** @param roles to tell the person the form has closed before they answer (the store's write checks it again) */
    public MonitoringForm(
            MonitoringStore store, MonitoringToken tokens, MonitoringKey keys, RoleReader roles) {
        this.store = store;
        this.tokens = tokens;
        this.keys = keys;
        this.roles = roles;
    }

    public sealed interface Result {
        record Recorded() implements Result {}

        record AlreadyRecorded() implements Result {}

        record UnknownLink() implements Result {}

        /** The role's round is over (or there is no such role): the form takes no answers for it. */
        record Closed() implements Result {}

        record Invalid(Map<String, String> values, FieldErrors errors) implements Result {}
    }

    public boolean validLink(String token, String roleId) {
        return tokens.valid(token, roleId);
    }

    /**
     * The form takes answers for the role: it is there and its round is not over. A copy a moment old is enough to
     * decide what to show; the write checks the role as it is.
     */
    public boolean open(String roleId) {
        return takesAnswers(roles.find(roleId, Read.EVENTUAL));
    }

    /** The rule, for every way answers come in (the link, a short code, staff entering them). */
    static boolean takesAnswers(Optional<Role> role) {
        return role.map(r -> !r.status().roundOver()).orElse(false);
    }

    public Result submit(String token, String roleId, Map<String, String> posted) {
        if (!tokens.valid(token, roleId)) return new Result.UnknownLink();
        if (!open(roleId)) return new Result.Closed();
        FormValidator.Result r =
                FormValidator.validate(MonitoringQuestions.section().fields(), posted);
        if (!r.errors().isEmpty()) return new Result.Invalid(r.values(), r.errors());
        return switch (store.record(
                new MonitoringResponse(keys.forToken(token), roleId, r.values()))) {
            case RECORDED -> new Result.Recorded();
            case ALREADY_RECORDED -> new Result.AlreadyRecorded();
            case CLOSED -> new Result.Closed();
        };
    }
}
