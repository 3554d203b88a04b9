package org.involve.core.application;

import org.involve.core.kit.NotFound;

/** No such role or application, on the staff application pages. */
public final class NoSuchRoleOrApplication extends NotFound {
    public NoSuchRoleOrApplication(String what) {
        super("No such " + what);
    }
}
