package org.ceportal.review.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/messages}: the logged-in person's 消息中心. */
@Component(service = MessageResource.class)
@JakartarsResource
@JSONRequired
@Path("messages")
@Produces(MediaType.APPLICATION_JSON)
public final class MessageResource {
    private final MessageCentre centre;

    @Activate
    public MessageResource(@Reference ReviewComponent review) {
        this.centre = review.messages();
    }

    @GET
    public Page<MessageCentre.Message> list(@Context ContainerRequestContext request, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return centre.list(me(request), PageRequest.parse(page, size, 20, 100));
    }

    @GET
    @Path("unread")
    public MessageCentre.Unread unread(@Context ContainerRequestContext request) {
        return centre.unread(me(request));
    }

    @POST
    @Path("{id}/read")
    public Response read(@Context ContainerRequestContext request, @PathParam("id") String id) {
        long account = me(request);
        long messageId;
        try {
            messageId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("message_not_found", "未找到该消息");
        }
        centre.markRead(account, messageId);
        return Response.noContent().build();
    }

    @POST
    @Path("read-all")
    public Response readAll(@Context ContainerRequestContext request) {
        centre.markAllRead(me(request));
        return Response.noContent().build();
    }

    private static long me(ContainerRequestContext request) {
        return Access.require(request, Role.values()).accountId();
    }
}
