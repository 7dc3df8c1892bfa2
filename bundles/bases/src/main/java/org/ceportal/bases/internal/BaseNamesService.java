package org.ceportal.bases.internal;

import java.util.Optional;

import org.ceportal.accounts.api.BaseNames;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tells the accounts which 继续教育基地 exist and their names (for base admins' accounts). */
@Component(service = BaseNames.class)
public final class BaseNamesService implements BaseNames {
    private final Bases bases;

    @Activate
    public BaseNamesService(@Reference BasesComponent module) {
        this.bases = module.bases();
    }

    @Override
    public Optional<String> nameOf(long baseId) {
        return bases.find(baseId).map(Bases.Base::name);
    }
}
