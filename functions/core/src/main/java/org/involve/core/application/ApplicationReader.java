package org.involve.core.application;

import java.util.Optional;
import org.involve.core.kit.Read;

/** Finding one application; each call says which copy it needs. */
public interface ApplicationReader {
    Optional<Application> find(String roleId, String applicantKey, Read read);

    /** By its reference, through an index that lags a moment behind a write; CONSISTENT then reads the item itself. */
    Optional<Application> findByReference(String reference, Read read);
}
