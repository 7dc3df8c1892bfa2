package org.ceportal.reporting.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.ceportal.platform.api.ItemList;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/me/completion}: 年度完成情况 and 继续历程明细 of the logged-in professional. */
@Component(service = CompletionResource.class)
@JakartarsResource
@JSONRequired
@Path("me/completion")
@Produces(MediaType.APPLICATION_JSON)
public final class CompletionResource {
    private final CompletionService completion;

    @Activate
    public CompletionResource(@Reference CompletionService completion) {
        this.completion = completion;
    }

    @GET
    public ItemList<Completion.Year> years(@Context ContainerRequestContext request) {
        List<Completion.Year> newestFirst = new ArrayList<>(completion.years(me(request).accountId()).stream()
                .map(Completion.Detail::year).toList());
        Collections.reverse(newestFirst);
        return ItemList.of(newestFirst);
    }

    @GET
    @Path("{year}")
    public Completion.Detail year(@Context ContainerRequestContext request, @PathParam("year") String year) {
        Caller me = me(request);
        return completion.year(completion.profile(me.accountId()), Years.parse(year))
                .orElseThrow(Years::notFound);
    }

    private static Caller me(ContainerRequestContext request) {
        return Access.require(request, Role.PROFESSIONAL);
    }
}
