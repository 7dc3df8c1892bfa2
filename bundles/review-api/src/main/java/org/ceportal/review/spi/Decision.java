package org.ceportal.review.spi;

import java.math.BigDecimal;

/**
 * A reviewer's decision on one item, as sent by the page.
 *
 * @param decision      {@code approve} or {@code reject}; {@code revoke} takes back an approval where the
 *                      subject allows it (declarations: 撤销审核), and other subjects refuse it
 * @param approvedHours for declarations: the hours approved when they differ from those claimed, else {@code null}
 * @param reason        why; required to reject and to change hours
 * @param version       the item's version the reviewer saw, or {@code null} to decide whatever is current
 */
public record Decision(String decision, BigDecimal approvedHours, String reason, Integer version) {

    public boolean approve() {
        return "approve".equals(decision);
    }
}
