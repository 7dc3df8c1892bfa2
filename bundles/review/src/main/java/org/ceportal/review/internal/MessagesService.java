package org.ceportal.review.internal;

import org.ceportal.review.api.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link Messages} for the bundles that decide things about people. */
@Component(service = Messages.class)
public final class MessagesService implements Messages {
    private final MessageCentre centre;

    @Activate
    public MessagesService(@Reference ReviewComponent review) {
        this.centre = review.messages();
    }

    @Override
    public void send(long accountId, String title, String body, String link) {
        centre.send(accountId, title, body, link);
    }
}
