package org.ceportal.profile.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.ceportal.accounts.api.People;
import org.ceportal.accounts.api.Profiles;
import org.ceportal.attachments.api.AttachmentService;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.persistence.Database;
import org.ceportal.platform.persistence.Store;
import org.ceportal.review.api.Messages;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The profile module: its store (变更记录 and title changes) and the services on it. */
@Component(service = ProfileComponent.class, immediate = true) // migrates its table at start
public final class ProfileComponent {
    /** The day a title was obtained is a date in China (DOMAIN.md). */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ProfileEditing editing;
    private final TitleChanges titleChanges;
    private final Profiles profiles;

    // Optional and dynamic: the audit trail (accounts) and the message centre (review) may come and go.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Messages messages;

    @Activate
    public ProfileComponent(BundleContext context, @Reference Database database, @Reference Profiles profiles,
            @Reference People people, @Reference DirectoryService directory, @Reference AttachmentService attachments) {
        Store store = database.open(context.getBundle(), "profile", ProfileMapper.class);
        Clock clock = Clock.systemUTC();
        ProfileEditing.Audit audit = (actor, action, subject, outcome, address) -> {
            AuditLog log = auditLog;
            if (log != null) {
                log.record(actor, action, subject, outcome, address);
            }
        };
        this.profiles = profiles;
        this.editing = new ProfileEditing(store, profiles, directory, attachments, audit, id -> people.nameOf(id).orElse(null),
                CHINA, clock);
        this.titleChanges = new TitleChanges(store, profiles, people, attachments, (account, title, body, link) -> {
            Messages m = messages;
            if (m != null) {
                m.send(account, title, body, link);
            }
        }, audit, CHINA, clock);
    }

    ProfileEditing editing() {
        return editing;
    }

    TitleChanges titleChanges() {
        return titleChanges;
    }

    Profiles profiles() {
        return profiles;
    }
}
