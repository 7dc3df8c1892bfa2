package org.ceportal.review.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends a person an in-portal message. Inside a transaction of any module's store
 * (see {@link org.ceportal.platform.persistence.Store#inTransaction}) the message
 * joins it, so a decision and its message are kept or lost together.
 */
@ProviderType
public interface Messages {

    /**
     * @param accountId who receives it
     * @param title     a zh-CN headline (at most 100 characters), e.g. 您的学时申报已审核通过
     * @param body      the details (at most 1000 characters), e.g. the reviewer's reason
     * @param link      a page of the portal to open, e.g. {@code /progress.html?state=approved}, or {@code null}
     */
    void send(long accountId, String title, String body, String link);
}
