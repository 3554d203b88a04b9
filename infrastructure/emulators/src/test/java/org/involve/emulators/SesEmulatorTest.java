package org.involve.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

@LocalSes
class SesEmulatorTest {

    @Test
    void keepsEveryEmailSentThroughTheSesApi(SesEmulator ses) {
        ses.clear();
        try (SesV2Client client =
                SesV2Client.builder()
                        .endpointOverride(ses.endpoint())
                        .region(LocalAws.REGION)
                        .credentialsProvider(LocalAws.credentials())
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            client.sendEmail(
                    b ->
                            b.fromEmailAddress("involve@involve.example.org")
                                    .destination(d -> d.toAddresses("applicant@example.org"))
                                    .content(
                                            c ->
                                                    c.simple(
                                                            m ->
                                                                    m.subject(
                                                                                    s ->
                                                                                            s.data(
                                                                                                    "Thank you"))
                                                                            .body(
                                                                                    x ->
                                                                                            x.text(
                                                                                                    t ->
                                                                                                            t
                                                                                                                    .data(
                                                                                                                            "Received."))))));
        }
        List<Map<String, Object>> emails = ses.emails();
        assertEquals(1, emails.size());
        assertEquals("Thank you", emails.get(0).get("subject"));

        ses.clear();
        assertEquals(List.of(), ses.emails());
    }
}
