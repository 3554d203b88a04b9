package org.involve.core.role;


import java.util.List;
import java.util.Optional;

/** Where roles are kept. */
public interface RoleCatalogue {
    Optional<Role> find(String roleId);

    /** Roles advertised to the public (status OPEN), soonest closing first. */
    List<Role> published();

    void save(Role role);
}
