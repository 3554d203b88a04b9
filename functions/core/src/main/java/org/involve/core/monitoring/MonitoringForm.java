package org.involve.core.monitoring;

import java.util.Map;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;

/** Records equal-opportunities answers given through a signed link, once, under a key no application holds. */
public final class MonitoringForm {
    private final MonitoringStore store;
    private final MonitoringToken tokens;
    private final MonitoringKey keys;

    public MonitoringForm(MonitoringStore store, MonitoringToken tokens, MonitoringKey keys) {
        this.store = store;
        this.tokens = tokens;
        this.keys = keys;
    }

    public sealed interface Result {
        record Recorded() implements Result {}

        record AlreadyRecorded() implements Result {}

        record UnknownLink() implements Result {}

        record Invalid(Map<String, String> values, FieldErrors errors) implements Result {}
    }

    public boolean validLink(String token, String roleId) {
        return tokens.valid(token, roleId);
    }

    public Result submit(String token, String roleId, Map<String, String> posted) {
        if (!tokens.valid(token, roleId)) return new Result.UnknownLink();
        FormValidator.Result r =
                FormValidator.validate(MonitoringQuestions.section().fields(), posted);
        if (!r.errors().isEmpty()) return new Result.Invalid(r.values(), r.errors());
        return store.record(new MonitoringResponse(keys.forToken(token), roleId, r.values()))
                ? new Result.Recorded()
                : new Result.AlreadyRecorded();
    }
}
