package org.ceportal.ops.internal;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ceportal.declarations.api.CatalogForm;
import org.ceportal.platform.api.ItemList;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/ops/learning-forms}: 运维 › 学习形式 for provincial ops — the catalogue of live and retired forms, the
 * repositories' learning-form features, installing, upgrading and uninstalling them.
 */
@Component(service = OpsFormResource.class)
@JakartarsResource
@JSONRequired
@Path("ops/learning-forms")
@Produces(MediaType.APPLICATION_JSON)
public final class OpsFormResource {
    private final FormFeatures features;
    private final FormFigures figures;
    private final FormDefiner definer;

    @Activate
    public OpsFormResource(@Reference FormFeatures features, @Reference FormFigures figures, @Reference FormDefiner definer) {
        this.features = features;
        this.figures = figures;
        this.definer = definer;
    }

    @GET
    public ItemList<CatalogForm> forms(@Context ContainerRequestContext request) {
        Access.require(request, Role.OPS);
        return ItemList.of(features.forms());
    }

    @GET
    @Path("available")
    public ItemList<FormFeatures.FormFeature> available(@Context ContainerRequestContext request) {
        Access.require(request, Role.OPS);
        return ItemList.of(features.available());
    }

    @POST
    @Path("installations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response install(@Context ContainerRequestContext request, FormFeatures.Request body) {
        Caller ops = Access.require(request, Role.OPS);
        FormFeatures.Installation done = features.install(ops.accountId(), Access.clientAddress(request), body);
        return Response.created(URI.create("ops/learning-forms/installations/" + done.feature())).entity(done).build();
    }

    @DELETE
    @Path("installations/{feature}")
    public FormFeatures.Installation uninstall(@Context ContainerRequestContext request, @PathParam("feature") String feature) {
        Caller ops = Access.require(request, Role.OPS);
        return features.uninstall(ops.accountId(), Access.clientAddress(request), feature);
    }

    @GET
    @Path("figures/{id}")
    public FormFigures.Figures figures(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Access.require(request, Role.OPS);
        return figures.get(id);
    }

    @POST
    @Path("figures/{id}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public FormFigures.Preview preview(@Context ContainerRequestContext request, @PathParam("id") String id,
            FormFigures.PreviewRequest body) {
        Access.require(request, Role.OPS);
        return figures.preview(id, body);
    }

    @PUT
    @Path("figures/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FormFigures.Figures changeFigures(@Context ContainerRequestContext request, @PathParam("id") String id,
            FormFigures.Change body) {
        Caller ops = Access.require(request, Role.OPS);
        return figures.update(ops.accountId(), Access.clientAddress(request), id, body);
    }

    @GET
    @Path("definitions")
    public ItemList<FormDefiner.Defined> definitions(@Context ContainerRequestContext request) {
        Access.require(request, Role.OPS);
        return ItemList.of(definer.list());
    }

    @GET
    @Path("definition-choices")
    public FormDefinitions.Choices definitionChoices(@Context ContainerRequestContext request) {
        Access.require(request, Role.OPS);
        return FormDefinitions.choices();
    }

    @POST
    @Path("definitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response define(@Context ContainerRequestContext request, FormDefinition body) {
        Caller ops = Access.require(request, Role.OPS);
        FormDefiner.Defined d = definer.create(ops.accountId(), Access.clientAddress(request), body);
        return Response.created(URI.create("ops/learning-forms/definitions/" + d.definition().id())).entity(d).build();
    }

    @PUT
    @Path("definitions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FormDefiner.Defined redefine(@Context ContainerRequestContext request, @PathParam("id") String id, FormDefinition body) {
        Caller ops = Access.require(request, Role.OPS);
        return definer.update(ops.accountId(), Access.clientAddress(request), id, body);
    }

    @DELETE
    @Path("definitions/{id}")
    public Response retire(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Caller ops = Access.require(request, Role.OPS);
        definer.retire(ops.accountId(), Access.clientAddress(request), id);
        return Response.noContent().build();
    }
}
