package org.involve.core.role;

public enum RoleStatus {
    DRAFT,
    OPEN,
    SHORTLISTING,
    WITHDRAWN,
    FILLED
}
