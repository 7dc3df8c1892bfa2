package org.ceportal.attachments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.attachments.api.Attachment;
import org.ceportal.attachments.api.AttachmentService;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.persistence.Database;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.upload.Multipart;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attachments: uploads checked by content and kept under server-generated names, the
 * declarations' links and locks, owner-only reads. A refused upload leaves nothing
 * behind (no row, no file); a kept file always has its row (the row is written after
 * the file is in place, and the file is removed again if that fails).
 */
@Component(service = {AttachmentService.class, AttachmentServiceImpl.class}, configurationPid = AttachmentServiceImpl.PID,
        immediate = true) // migrates its table at start
@Designate(ocd = AttachmentServiceImpl.Config.class)
public final class AttachmentServiceImpl implements AttachmentService {
    static final String PID = "org.ceportal.attachments";
    static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    static final Duration TEMP_MAX_AGE = Duration.ofHours(6);
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentServiceImpl.class);

    @ObjectClassDefinition(name = "ceportal attachments", description = "Proof files of declarations: limits and storage")
    @interface Config {
        @AttributeDefinition(name = "Largest upload (bytes)", description = "Bigger files are refused with 413", min = "1024")
        long maxBytes() default 10485760L;

        @AttributeDefinition(name = "ZIP: most entries", min = "1")
        int zipMaxEntries() default 50;

        @AttributeDefinition(name = "ZIP: most bytes unpacked", description = "Counted while reading, whatever the headers say", min = "1")
        long zipMaxTotalBytes() default 104857600L;

        @AttributeDefinition(name = "ZIP: largest compression ratio", description = "Guards against ZIP bombs", min = "1")
        int zipMaxRatio() default 100;

        @AttributeDefinition(name = "Storage directory", description = "Empty: ${karaf.data}/ceportal/attachments")
        String storageDir() default "";

        @AttributeDefinition(name = "Files per person and day", description = "Uploads a person may make per day "
                + "(China time), deleted ones included", min = "1")
        int maxFilesPerDay() default 100;

        @AttributeDefinition(name = "Bytes per person and day", description = "Bytes a person may upload per day", min = "1024")
        long maxBytesPerDay() default 314572800L;

        @AttributeDefinition(name = "Files per declaration", min = "1", max = "200")
        int maxFilesPerDeclaration() default 20;

        @AttributeDefinition(name = "Keep unlinked uploads (hours)", description = "Uploads no declaration uses are deleted after this", min = "1")
        int unlinkedMaxAgeHours() default 48;
    }

    /** An accepted upload and the declarations that already hold the same file. */
    record Uploaded(Attachment attachment, List<Long> duplicates) {
    }

    /** A file to send. */
    record Download(Attachment attachment, Path file) {
    }

    private final Store store;
    private final Clock clock;
    private final Limits limits;
    private final Quotas quotas;
    private final DailyQuota daily;
    private final Storage storage;
    private final ContentInspector inspector;
    private final OtherReaders readers;
    private final Duration unlinkedMaxAge;
    private final AtomicLong lastPurge = new AtomicLong(Long.MIN_VALUE);

    // Optional and dynamic: the audit trail (kept by the accounts bundle) may come and go.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    @Activate
    public AttachmentServiceImpl(Config config, BundleContext context, @Reference Database database) {
        this(database.open(context.getBundle(), "attachments", AttachmentMapper.class), Clock.systemUTC(),
                new Limits(config.maxBytes(), config.zipMaxEntries(), config.zipMaxTotalBytes(), config.zipMaxRatio()),
                new Quotas(config.maxFilesPerDay(), config.maxBytesPerDay(), config.maxFilesPerDeclaration()),
                Storage.rootFor(config.storageDir()), Duration.ofHours(Math.max(1, config.unlinkedMaxAgeHours())));
        LOG.info("Attachments stored in {}, at most {} per file", storage.root(), Multipart.size(limits.maxBytes()));
    }

    UploadLimits uploadLimits() {
        return UploadLimits.of(limits, quotas);
    }

    AttachmentServiceImpl(Store store, Clock clock, Limits limits, Path storageRoot, Duration unlinkedMaxAge) {
        this(store, clock, limits, Quotas.DEFAULTS, storageRoot, unlinkedMaxAge);
    }

    AttachmentServiceImpl(Store store, Clock clock, Limits limits, Quotas quotas, Path storageRoot, Duration unlinkedMaxAge) {
        this.quotas = quotas;
        this.daily = new DailyQuota(store, quotas, clock);
        this.store = store;
        this.clock = clock;
        this.limits = limits;
        this.storage = new Storage(storageRoot);
        this.inspector = new ContentInspector(limits);
        this.readers = new OtherReaders(store, storage, new ZipEntries(inspector), this::record);
        this.unlinkedMaxAge = unlinkedMaxAge;
    }

    Limits limits() {
        return limits;
    }

    // ---- HTTP side -------------------------------------------------------------------

    /**
     * Receives the {@code file} part of a multipart body, checks it and keeps it.
     *
     * @throws ProblemException 400, 413, 415 or 422 for bad input, 429 over the person's daily quota,
     *         507 when the disk is full, 503 when the file could not be kept otherwise; nothing is
     *         stored then (no row, no file)
     * @throws IOException      never in practice: every I/O failure becomes one of the problems above
     */
    Uploaded upload(long ownerId, String contentType, InputStream body) throws IOException {
        return upload(ownerId, contentType, body, null);
    }

    /** {@link #upload(long, String, InputStream)}, audited with the client's address. */
    Uploaded upload(long ownerId, String contentType, InputStream body, String address) throws IOException {
        maybePurge();
        if (Multipart.boundary(contentType) == null) {
            throw Multipart.notMultipart();
        }
        java.sql.Date day = daily.check(ownerId); // before a byte of the body is read
        Path temp = null;
        String stored = null;
        boolean kept = false;
        try {
            temp = storage.newTemp();
            Multipart.Received received;
            try (OutputStream out = Files.newOutputStream(temp)) {
                received = Multipart.receive(contentType, body, out, limits.maxBytes());
            }
            if (received.size() == 0) {
                throw Refusals.emptyFile();
            }
            String type = inspector.inspect(temp);
            AttachmentRow row = new AttachmentRow();
            row.ownerId = ownerId;
            row.locked = false;
            row.originalName = FileNames.display(received.name(), type);
            row.mediaType = type;
            row.sizeBytes = received.size();
            row.sha256 = received.sha256();
            row.createdAt = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
            stored = storage.keep(temp, clock.instant());
            row.storedName = stored;
            store.inTransaction(s -> {
                AttachmentMapper m = s.getMapper(AttachmentMapper.class);
                daily.count(m, ownerId, day, row.sizeBytes);
                m.insert(row);
                record(ownerId, "attachment_upload", "attachment:" + row.id + " " + row.sha256.substring(0, 12), "stored",
                        address);
                return null;
            });
            kept = true;
            LOG.info("Attachment {} ({}, {} bytes) uploaded by account {}", row.id, type, row.sizeBytes, ownerId);
            try (SqlSession s = store.session()) {
                return new Uploaded(row.toApi(), duplicates(s.getMapper(AttachmentMapper.class), row));
            }
        } catch (IOException e) {
            if (Storage.diskFull(e)) {
                LOG.error("Attachment storage {} is full: {}", storage.root(), e.getMessage());
                throw Refusals.storageFull();
            }
            // our disk failed, or the client went away mid-upload: nothing is kept either way
            LOG.warn("An upload of account {} was not kept: {}", ownerId, e.toString());
            throw Refusals.notKept();
        } finally {
            if (!kept) {
                if (temp != null) {
                    Storage.deleteQuietly(temp);
                }
                if (stored != null) {
                    storage.delete(stored);
                }
            }
        }
    }

    /** The owner's attachment with the declarations that hold the same file. */
    Uploaded meta(long ownerId, long id) {
        try (SqlSession s = store.session()) {
            AttachmentMapper m = s.getMapper(AttachmentMapper.class);
            AttachmentRow row = owned(m, ownerId, id);
            return new Uploaded(row.toApi(), duplicates(m, row));
        }
    }

    /** The owner's attachment and its file. */
    Download download(long ownerId, long id) {
        return download(ownerId, id, null);
    }

    /** {@link #download(long, long)}, audited with the client's address. */
    Download download(long ownerId, long id, String address) {
        AttachmentRow row;
        try (SqlSession s = store.session()) {
            row = owned(s.getMapper(AttachmentMapper.class), ownerId, id);
        }
        record(ownerId, "attachment_download", "attachment:" + id, "served", address);
        Path file = storage.path(row.storedName);
        if (!Files.isRegularFile(file)) {
            LOG.error("The file {} of attachment {} is missing", row.storedName, row.id);
            throw Refusals.fileMissing();
        }
        return new Download(row.toApi(), file);
    }

    /** Deletes the owner's attachment (row, then, once that committed, the file) unless its declaration is submitted. */
    void delete(long ownerId, long id) {
        delete(ownerId, id, null);
    }

    /** {@link #delete(long, long)}, audited with the client's address. */
    void delete(long ownerId, long id, String address) {
        store.inTransaction(s -> {
            AttachmentMapper m = s.getMapper(AttachmentMapper.class);
            AttachmentRow row = owned(m, ownerId, id);
            if (row.locked) {
                throw Refusals.lockedDelete();
            }
            if (m.deleteOwned(id, ownerId) != 1) {
                AttachmentRow now = m.find(id);
                throw now == null ? Refusals.notFound() : Refusals.lockedDelete();
            }
            record(ownerId, "attachment_delete", "attachment:" + id + " " + row.sha256.substring(0, 12), "deleted", address);
            store.afterCommit(() -> storage.delete(row.storedName));
            return null;
        });
        LOG.info("Attachment {} deleted by account {}", id, ownerId);
    }

    private void record(long actorId, String action, String subject, String outcome, String address) {
        AuditLog log = audit;
        if (log != null) {
            log.record(actorId, action, subject, outcome, address);
        }
    }

    private static AttachmentRow owned(AttachmentMapper m, long ownerId, long id) {
        AttachmentRow row = m.find(id);
        if (row == null || row.ownerId != ownerId) {
            throw Refusals.notFound();
        }
        return row;
    }

    private static List<Long> duplicates(AttachmentMapper m, AttachmentRow row) {
        return m.duplicates(row.ownerId, row.sha256, row.id, row.declarationId);
    }

    // ---- the declarations' side --------------------------------------------------------

    @Override
    public List<Attachment> ownedBy(long ownerId, Collection<Long> ids, Long forDeclarationId) {
        List<Long> wanted = distinct(ids);
        if (wanted.isEmpty()) {
            return List.of();
        }
        try (SqlSession s = store.session()) {
            return checked(s.getMapper(AttachmentMapper.class), ownerId, wanted, forDeclarationId).stream()
                    .map(AttachmentRow::toApi).toList();
        }
    }

    @Override
    public List<Attachment> attach(long ownerId, long declarationId, List<Long> ids) {
        List<Long> wanted = distinct(ids);
        return store.inTransaction(s -> {
            AttachmentMapper m = s.getMapper(AttachmentMapper.class);
            if (m.countLocked(declarationId) > 0) {
                throw Refusals.lockedChange();
            }
            if (!wanted.isEmpty()) {
                checked(m, ownerId, wanted, declarationId);
            }
            m.unlinkOthers(declarationId, wanted);
            for (Long id : wanted) {
                if (m.link(id, ownerId, declarationId) != 1) {
                    throw Refusals.changedMeanwhile(); // linked or locked between the check and now
                }
            }
            return wanted.isEmpty() ? List.<Attachment>of() : inOrder(m.findAll(wanted), wanted);
        });
    }

    @Override
    public List<Attachment> ofDeclaration(long declarationId) {
        try (SqlSession s = store.session()) {
            return s.getMapper(AttachmentMapper.class).ofDeclaration(declarationId).stream().map(AttachmentRow::toApi).toList();
        }
    }

    @Override
    public List<Attachment> sameContentElsewhere(long declarationId) {
        return readers.sameContentElsewhere(declarationId);
    }

    @Override
    public List<ZipItem> zipEntries(long declarationId, long attachmentId) {
        return readers.zipEntries(declarationId, attachmentId);
    }

    @Override
    public ZipContent openZipEntry(long declarationId, long attachmentId, int index, long readerId, String address) {
        return readers.openZipEntry(declarationId, attachmentId, index, readerId, address);
    }

    @Override
    public Attachment linkToSubject(long ownerId, long attachmentId, String subjectRef) {
        return readers.linkToSubject(ownerId, attachmentId, subjectRef);
    }

    @Override
    public List<Attachment> ofSubject(String subjectRef) {
        return readers.ofSubject(subjectRef);
    }

    @Override
    public Content openOfSubject(String subjectRef, long attachmentId, long readerId, String address) {
        return readers.openOfSubject(subjectRef, attachmentId, readerId, address);
    }

    @Override
    public Content openLinked(long declarationId, long attachmentId, long readerId, String address) {
        return readers.openLinked(declarationId, attachmentId, readerId, address);
    }

    @Override
    public int lock(long declarationId, boolean locked) {
        return store.inTransaction(s -> s.getMapper(AttachmentMapper.class).setLocked(declarationId, locked));
    }

    @Override
    public void deleteOfDeclaration(long ownerId, long declarationId) {
        int deleted = store.inTransaction(s -> {
            AttachmentMapper m = s.getMapper(AttachmentMapper.class);
            List<AttachmentRow> rows = m.ofDeclaration(declarationId);
            for (AttachmentRow r : rows) {
                if (r.ownerId != ownerId) {
                    throw Refusals.notOwned();
                }
            }
            for (AttachmentRow r : rows) {
                if (r.locked) {
                    throw Refusals.lockedDelete();
                }
            }
            if (!rows.isEmpty() && m.deleteOfDeclaration(declarationId, ownerId) != rows.size()) {
                throw Refusals.changedMeanwhile(); // rolls the whole transaction back
            }
            // the files go only when the deletion (and whatever it is part of) has committed
            store.afterCommit(() -> rows.forEach(r -> storage.delete(r.storedName)));
            return rows.size();
        });
        if (deleted > 0) {
            LOG.info("{} attachment(s) of declaration {} deleted", deleted, declarationId);
        }
    }

    private List<Long> distinct(Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        Set<Long> out = new LinkedHashSet<>();
        for (Long id : ids) {
            if (id == null) {
                throw Refusals.notOwned();
            }
            out.add(id);
        }
        if (out.size() > quotas.filesPerDeclaration()) {
            throw Refusals.tooMany(quotas.filesPerDeclaration());
        }
        return List.copyOf(out);
    }

    private static List<AttachmentRow> checked(AttachmentMapper m, long ownerId, List<Long> ids, Long forDeclarationId) {
        Map<Long, AttachmentRow> byId = new HashMap<>();
        for (AttachmentRow r : m.findAll(ids)) {
            byId.put(r.id, r);
        }
        List<AttachmentRow> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            AttachmentRow r = byId.get(id);
            if (r == null || r.ownerId != ownerId) {
                throw Refusals.notOwned();
            }
            out.add(r);
        }
        for (AttachmentRow r : out) {
            if (r.subjectRef != null || (r.declarationId != null && !Objects.equals(r.declarationId, forDeclarationId))) {
                throw Refusals.inUse();
            }
        }
        return out;
    }

    private static List<Attachment> inOrder(List<AttachmentRow> rows, List<Long> ids) {
        Map<Long, AttachmentRow> byId = new HashMap<>();
        for (AttachmentRow r : rows) {
            byId.put(r.id, r);
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).map(AttachmentRow::toApi).toList();
    }

    // ---- housekeeping --------------------------------------------------------------------

    /** Purges at most every {@link #PURGE_EVERY}, from the upload that happens to come by. */
    void maybePurge() {
        long now = clock.millis();
        long last = lastPurge.get();
        if (last != Long.MIN_VALUE && now - last < PURGE_EVERY.toMillis()) {
            return;
        }
        if (!lastPurge.compareAndSet(last, now)) {
            return;
        }
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warn("Purging unlinked uploads failed", e);
        }
    }

    /**
     * Deletes uploads no declaration linked within {@code unlinkedMaxAgeHours}, and temp
     * files a lost connection left.
     *
     * @return how many uploads were deleted
     */
    int purge() {
        Instant now = clock.instant();
        List<AttachmentRow> stale;
        try (SqlSession s = store.session()) {
            stale = s.getMapper(AttachmentMapper.class).staleUnlinked(Timestamp.from(now.minus(unlinkedMaxAge)));
        }
        int n = 0;
        for (AttachmentRow row : stale) {
            boolean gone = store.inTransaction(s -> s.getMapper(AttachmentMapper.class).deleteUnlinked(row.id) == 1);
            if (gone) {
                storage.delete(row.storedName);
                n++;
            }
        }
        storage.purgeTemp(now.minus(TEMP_MAX_AGE));
        if (n > 0) {
            LOG.info("Deleted {} upload(s) that no declaration used", n);
        }
        return n;
    }
}
