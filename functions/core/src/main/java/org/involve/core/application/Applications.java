package org.involve.core.application;

/**
 * Where applications are kept: the one port of the application aggregate. A use case takes the narrowest view of it
 * that it needs: {@link ApplicationStore} (the public site's submission), {@link ApplicationRecords} (staff entering
 * and acknowledging), {@link RoundApplications} (the round's steps), {@link OutstandingAcknowledgements} (the
 * promise job), each finding one application through {@link ApplicationReader} with the copy it needs.
 */
public interface Applications
        extends ApplicationStore,
                ApplicationRecords,
                RoundApplications,
                OutstandingAcknowledgements {}
