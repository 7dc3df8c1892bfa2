package org.ceportal.review.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.TestClock;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.junit.Before;
import org.junit.Test;

public class MessageCentreTest {
    private Store store;
    private MessageCentre centre;

    @Before
    public void setUp() {
        store = TestStores.migrated("review", MessageMapper.class);
        centre = new MessageCentre(store, new TestClock(java.time.Instant.parse("2026-12-31T15:00:00Z")));
    }

    @Test
    public void aPersonReadsTheirOwnMessagesNewestFirst() {
        centre.send(11, "您的学时申报已审核通过", "核定 12 学时", "/progress.html?state=approved");
        centre.send(11, "您的学时申报未通过审核", "原因：证明材料不清晰", "https://evil.example/");
        centre.send(12, "别人的", "x", null);
        List<MessageCentre.Message> mine = centre.list(11, new PageRequest(0, 20)).getItems();
        assertEquals(2, mine.size());
        assertEquals("您的学时申报未通过审核", mine.get(0).title());
        assertNull("only links into the portal", mine.get(0).link());
        assertEquals("/progress.html?state=approved", mine.get(1).link());
        assertEquals(2, centre.unread(11).count());

        centre.markRead(11, mine.get(1).id());
        centre.markRead(11, mine.get(1).id()); // twice is fine
        assertEquals(1, centre.unread(11).count());
        assertTrue(centre.list(11, new PageRequest(0, 20)).getItems().get(1).read());
        long others = centre.list(12, new PageRequest(0, 20)).getItems().get(0).id();
        try {
            centre.markRead(11, others);
            fail();
        } catch (ProblemException e) {
            assertEquals(404, e.status());
        }
        centre.markAllRead(11);
        assertEquals(0, centre.unread(11).count());
        assertEquals(1, centre.unread(12).count());
    }

    @Test
    public void aMessageIsLostWithTheDecisionItBelongsTo() {
        try {
            store.inTransaction(s -> {
                centre.send(11, "您的注册申请已审核通过", "欢迎", null);
                throw ProblemException.conflict("already_decided", "已被处理");
            });
            fail();
        } catch (ProblemException expected) {
            // the decision failed
        }
        assertEquals(0, centre.unread(11).count());
        centre.send(11, "长".repeat(300), "体".repeat(3000), null);
        MessageCentre.Message m = centre.list(11, new PageRequest(0, 1)).getItems().get(0);
        assertEquals(100, m.title().length());
        assertEquals(1000, m.body().length());
        assertFalse(m.read());
    }
}
