package org.ceportal.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ceportal.directory.api.Department;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.api.ImportReport;
import org.ceportal.directory.api.Major;
import org.ceportal.directory.api.NewUnit;
import org.ceportal.directory.api.Unit;
import org.ceportal.platform.answers.SameForEveryone;
import org.ceportal.platform.api.ItemList;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.persistence.Database;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/directory}: public reads for the registration pop-ups, writes for ops. The reads
 * are the same for every caller ({@link SameForEveryone}): the platform gives them from memory
 * for a few seconds, and forgets them when units change ({@link DirectoryServiceImpl}).
 */
@Component(service = DirectoryResource.class)
@JakartarsResource
@JSONRequired
@Path("directory")
@Produces(MediaType.APPLICATION_JSON)
public final class DirectoryResource {
    static final int DEFAULT_PAGE_SIZE = 10;
    static final int MAX_PAGE_SIZE = 50;
    static final int MAX_MAJOR_HITS = 100;
    static final int MAX_IMPORT_BYTES = 5 * 1024 * 1024;

    private final DirectoryService directory;
    private final DirectoryChanges changes;
    private final String catalogue;

    @Activate
    public DirectoryResource(BundleContext context, @Reference DirectoryService directory, @Reference Database database,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) AuditLog audit) {
        this.directory = directory;
        this.changes = new DirectoryChanges(directory, database, audit);
        this.catalogue = context.getBundle().getSymbolicName() + "/" + context.getBundle().getVersion();
    }

    @GET
    @SameForEveryone
    @Path("regions")
    public Response regions(@Context Request request, @Context UriInfo uri) {
        return reference(request, uri, () -> ItemList.of(directory.regions()));
    }

    @GET
    @SameForEveryone
    @Path("regions/{code}/units")
    public Page<Unit> units(@PathParam("code") String code, @QueryParam("q") String q,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        return directory.units(code, q, request);
    }

    @GET
    @SameForEveryone
    @Path("units/{id}")
    public Unit unit(@PathParam("id") String id) {
        return directory.unit(unitId(id)).orElseThrow(DirectoryResource::unitNotFound);
    }

    @GET
    @SameForEveryone
    @Path("units/{id}/departments")
    public ItemList<Department> departments(@PathParam("id") String id) {
        return ItemList.of(directory.departments(unitId(id)));
    }

    @GET
    @SameForEveryone
    @Path("majors")
    public Response majors(@Context Request request, @Context UriInfo uri, @QueryParam("q") String q,
            @QueryParam("parent") String parent) {
        return reference(request, uri, () -> majors(q, parent));
    }

    private ItemList<Major> majors(String q, String parent) {
        if (q != null && !q.isBlank()) {
            return directory.searchMajors(q, MAX_MAJOR_HITS);
        }
        if (parent != null && !parent.isBlank()) {
            Major node = directory.major(parent.strip()).orElseThrow(
                    () -> ProblemException.notFound("major_not_found", "专业类别不存在"));
            return ItemList.of(directory.majorChildren(node.code));
        }
        return ItemList.of(directory.majorChildren(null));
    }

    @GET
    @SameForEveryone
    @Path("titles")
    public Response titles(@Context Request request, @Context UriInfo uri) {
        return reference(request, uri, () -> ItemList.of(directory.titles()));
    }

    /** A unit kind's code and zh-CN name, for the pages' choices. */
    public record UnitKindItem(String code, String name) {
    }

    @GET
    @SameForEveryone
    @Path("unit-kinds")
    public Response unitKinds(@Context Request request, @Context UriInfo uri) {
        return reference(request, uri, () -> ItemList.of(java.util.Arrays.stream(org.ceportal.directory.api.UnitKind.values())
                .map(k -> new UnitKindItem(k.name(), k.label())).toList()));
    }

    @GET
    @SameForEveryone
    @Path("ethnic-groups")
    public Response ethnicGroups(@Context Request request, @Context UriInfo uri) {
        return reference(request, uri, () -> ItemList.of(directory.ethnicGroups()));
    }

    /**
     * An answer from the reference catalogue (regions, titles, ethnic groups, majors), which the
     * directory's migrations fix for the bundle's version: its validator is that version with the
     * request's path and query, so a browser that has the answer revalidates it (no-cache) and gets
     * 304 without the server building or writing it again. Every node of the same version gives the
     * same validator; a new version gives another, and with it the whole answer.
     */
    private Response reference(Request request, UriInfo uri, Supplier<ItemList<?>> answer) {
        EntityTag tag = new EntityTag(validator(catalogue + " " + uri.getRequestUri().getRawPath() + "?"
                + uri.getRequestUri().getRawQuery()));
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).cacheControl(revalidate).build();
        }
        return Response.ok(answer.get()).tag(tag).cacheControl(revalidate).build();
    }

    /** The first 64 bits of the text's SHA-256, in hex. */
    static String validator(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Ops, 单位管理: the province's units (or a region's), searched by name, by region and name. */
    @GET
    @Path("units")
    public Page<Unit> searchUnits(@Context ContainerRequestContext request, @QueryParam("regionCode") String regionCode,
            @QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size) {
        Access.require(request, Role.OPS);
        return directory.searchUnits(regionCode, q, PageRequest.parse(page, size, 20, 100));
    }

    /** Ops: add one unit with its departments. */
    @POST
    @Path("units")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addUnit(@Context ContainerRequestContext request, NewUnit unit) {
        Caller ops = Access.require(request, Role.OPS);
        if (unit == null) {
            throw ProblemException.invalid("name", "请填写单位信息");
        }
        Unit created = changes.addUnit(unit, ops.accountId(), Access.clientAddress(request));
        return Response.created(URI.create("directory/units/" + created.id)).entity(created).build();
    }

    /** Ops: change a unit's region, name and kind, adding the departments it lacks. */
    @PUT
    @Path("units/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Unit updateUnit(@Context ContainerRequestContext request, @PathParam("id") String id, NewUnit unit) {
        Caller ops = Access.require(request, Role.OPS);
        if (unit == null) {
            throw ProblemException.invalid("name", "请填写单位信息");
        }
        return changes.updateUnit(unitId(id), unit, ops.accountId(), Access.clientAddress(request));
    }

    /** Ops: import units from CSV (UTF-8, header {@code region_code,name,kind,departments}). */
    @POST
    @Path("units/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public ImportReport importUnits(@Context ContainerRequestContext request, InputStream body) throws IOException {
        Caller ops = Access.require(request, Role.OPS);
        byte[] bytes = body.readNBytes(MAX_IMPORT_BYTES + 1);
        if (bytes.length > MAX_IMPORT_BYTES) {
            throw new ProblemException(413, "payload_too_large", "导入文件不能超过 5 MB");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("file", "导入文件必须是 UTF-8 编码的 CSV");
        }
        return changes.importUnits(new StringReader(text), ops.accountId(), Access.clientAddress(request));
    }

    private static long unitId(String raw) {
        if (raw != null && raw.matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(raw);
        }
        throw unitNotFound();
    }

    private static ProblemException unitNotFound() {
        return ProblemException.notFound("unit_not_found", "单位不存在");
    }

}
