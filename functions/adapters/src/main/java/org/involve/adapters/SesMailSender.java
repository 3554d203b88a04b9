package org.involve.adapters;

import java.nio.charset.StandardCharsets;
import org.involve.core.kit.Email;
import org.involve.core.outbox.MailSender;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * Sends e-mail with SES v2, as simple content with HTML and text parts. Failures become {@link MailNotSent}:
 * throttling and outages may pass, so they are retryable; a refusal of the message or account is not.
 * SES's own messages can quote the recipient, so only error codes go into ours.
 */
public final class SesMailSender implements MailSender {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private final SesV2Client ses;
    private final String from;

    public SesMailSender(SesV2Client ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    @Override
    public void send(Email email) throws MailNotSent {
        try {
            ses.sendEmail(
                    r ->
                            r.fromEmailAddress(from)
                                    .destination(d -> d.toAddresses(email.to()))
                                    .content(
                                            c ->
                                                    c.simple(
                                                            m ->
                                                                    m.subject(utf8(email.subject()))
                                                                            .body(
                                                                                    Body.builder()
                                                                                            .html(
                                                                                                    utf8(
                                                                                                            email
                                                                                                                    .html()))
                                                                                            .text(
                                                                                                    utf8(
                                                                                                            email
                                                                                                                    .text()))
                                                                                            .build()))));
        } catch (SdkServiceException e) {
            throw new MailNotSent(
                    "SES did not send the message: " + describe(e), retryable(e), null);
        } catch (SdkClientException e) {
            // No answer from SES (network, timeout): the message itself is fine, so try again
            // later.
            throw new MailNotSent(
                    "SES could not be reached: " + e.getClass().getSimpleName(), true, e);
        }
    }

    static boolean retryable(SdkServiceException e) {
        if (e instanceof TooManyRequestsException || e instanceof LimitExceededException)
            return true;
        if (e instanceof MessageRejectedException
                || e instanceof BadRequestException
                || e instanceof AccountSuspendedException) return false;
        return e.isThrottlingException() || e.statusCode() == 429 || e.statusCode() >= 500;
    }

    /** The cause is left out on purpose: its message may hold the recipient's address. */
    private static String describe(SdkServiceException e) {
        String code =
                e instanceof AwsServiceException a && a.awsErrorDetails() != null
                        ? a.awsErrorDetails().errorCode()
                        : e.getClass().getSimpleName();
        return code + " (HTTP " + e.statusCode() + ", request " + e.requestId() + ")";
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(UTF_8).build();
    }
}
