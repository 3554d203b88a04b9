package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.dataprotection.DataProtection;
import org.involve.core.dataprotection.Held;
import org.involve.core.paths.StaffPaths;
import org.involve.core.staff.Permission;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.DataProtectionPages;

/**
 * People's rights over their data (Permission.DATA_PROTECTION, staff group only): find a person by e-mail address or
 * reference (posted, so the address is never in an address bar or a log), see everything held about them, download it
 * as a JSON file to answer their subject access request (audited), or erase it (audited; they are e-mailed). The rules
 * are core's {@link DataProtection}.
 */
public class StaffDataProtectionHandler extends StaffHandler<StaffDataProtectionHandler> {
    static final Routes<StaffDataProtectionHandler, StaffRequest> ROUTES =
            Routes.<StaffDataProtectionHandler, StaffRequest>table()
                    .get(StaffPaths.DATA_PROTECTION, StaffDataProtectionHandler::home)
                    .post(StaffPaths.DATA_PROTECTION_PERSON, StaffDataProtectionHandler::person)
                    .post(StaffPaths.DATA_PROTECTION_DOWNLOAD, StaffDataProtectionHandler::download)
                    .post(StaffPaths.DATA_PROTECTION_ERASE, StaffDataProtectionHandler::erase);
    private static final Notices NOTICES = Notices.of("dataprotection", "erased");

    /** Made on the first download, not when the class loads: Jackson's databind is most of a cold start's classes. */
    private static final class Download {
        static final ObjectMapper JSON =
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final DataProtection dataProtection;
    private final Clock clock;

    public StaffDataProtectionHandler() {
        this(Beans.get(DataProtection.class), Beans.get(Clock.class));
        Priming.register("StaffDataProtectionFunction", this::prime);
    }

    public StaffDataProtectionHandler(DataProtection dataProtection, Clock clock) {
        super("staff-data-protection", Permission.DATA_PROTECTION, ROUTES);
        this.dataProtection = dataProtection;
        this.clock = clock;
    }

    private APIGatewayV2HTTPResponse home(StaffRequest req) {
        req.require(Permission.DATA_PROTECTION);
        return WebResponse.html(
                200,
                DataProtectionPages.find(
                        req.member(), Map.of(), null, false, NOTICES.on(req).orElse(null)));
    }

    private APIGatewayV2HTTPResponse person(StaffRequest req) {
        return shown(req, dataProtection.find(req.member(), req.web().form(), clock.instant()));
    }

    private APIGatewayV2HTTPResponse shown(StaffRequest req, DataProtection.Lookup lookup) {
        if (lookup instanceof DataProtection.Lookup.Found found)
            return WebResponse.html(200, DataProtectionPages.person(req.member(), found, null));
        if (lookup instanceof DataProtection.Lookup.Invalid invalid)
            return WebResponse.html(
                    400,
                    DataProtectionPages.find(
                            req.member(), invalid.values(), invalid.errors(), false, null));
        return WebResponse.html(
                404, DataProtectionPages.find(req.member(), lookup.values(), null, true, null));
    }

    /** The subject access answer as a file: everything held, by kind, with the request's dates. */
    private APIGatewayV2HTTPResponse download(StaffRequest req) {
        var form = req.web().form();
        var answer = dataProtection.answer(req.member(), form, clock.instant());
        if (answer.isEmpty())
            return shown(req, dataProtection.find(req.member(), form, clock.instant()));
        var found = answer.get().found();
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("request", answer.get().requestId());
        file.put("received", found.received().toString());
        file.put("due", found.due().toString());
        file.put(
                "answered",
                LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London")).toString());
        file.put("name", found.subject().name());
        Map<String, List<Map<String, String>>> records = new LinkedHashMap<>();
        for (Held.Records r : found.held().kinds())
            records.put(
                    r.kind().name().toLowerCase(java.util.Locale.UK),
                    r.entries().stream().map(Held.Entry::fields).toList());
        file.put("records", records);
        try {
            return WebResponse.download(
                    "what-we-hold.json",
                    "application/json; charset=utf-8",
                    Download.JSON.writeValueAsString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Strings and lists always make JSON", e);
        }
    }

    private APIGatewayV2HTTPResponse erase(StaffRequest req) {
        var form = req.web().form();
        try {
            var erased = dataProtection.erase(req.member(), form, clock.instant());
            if (erased.isEmpty())
                return shown(req, dataProtection.find(req.member(), form, clock.instant()));
            return WebResponse.seeOther(NOTICES.after(StaffPaths.DATA_PROTECTION.fill(), "erased"));
        } catch (DataProtection.ChangedMeanwhile changed) {
            return WebResponse.html(
                    409,
                    DataProtectionPages.person(req.member(), changed.now, changed.getMessage()));
        }
    }
}
