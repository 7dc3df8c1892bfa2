package org.ceportal.declarations.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.learningform.api.Evaluation;
import org.ceportal.platform.api.ItemList;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.api.Texts;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/learning-forms}: the live learning forms (public: integrators and the
 * help page list them), one form's schema, and the evaluation the page calls as the
 * user types.
 */
@Component(service = LearningFormResource.class)
@JakartarsResource
@JSONRequired
@Path("learning-forms")
@Produces(MediaType.APPLICATION_JSON)
public final class LearningFormResource {
    static final String NOT_FOUND = "该学习形式不存在或已停用";
    private final FormRegistry forms;
    private final Units units;

    @Activate
    public LearningFormResource(@Reference FormRegistry forms, @Reference DeclarationsComponent declarations) {
        this.forms = forms;
        this.units = declarations.units();
    }

    /** Body of the evaluation call; {@code year}, from a logged-in professional, answers in their unit for it. */
    public static final class EvaluationRequest {
        public Map<String, Object> values;
        public Integer year;
    }

    /**
     * What a form's rule made of the values as typed: valid with the proposed hours (or credits: {@code kind} and
     * {@code unit} say which, for 学分申报 converted from a 学时 form), or the field errors.
     */
    public record EvaluationAnswer(String formId, String formVersion, boolean valid, BigDecimal proposedHours, String unit,
                                   String kind, String kindName, String explanation,
                                   List<org.ceportal.learningform.api.FieldError> errors) {
    }

    @GET
    public ItemList<Schemas.FormSummary> list() {
        return ItemList.of(forms.live().stream().map(l -> Schemas.summary(l.description())).toList());
    }

    @GET
    @Path("{id}")
    public Schemas.FormSchema get(@PathParam("id") String id) {
        return Schemas.full(live(id).description());
    }

    @POST
    @Path("{id}/evaluation")
    @Consumes(MediaType.APPLICATION_JSON)
    public EvaluationAnswer evaluate(@Context ContainerRequestContext context, @PathParam("id") String id,
            EvaluationRequest request) {
        FormRegistry.Live live = live(id);
        Evaluation e = DeclarationChecks.evaluate(live, request == null ? null : request.values);
        String formKind = live.description().kind().name();
        String kind = formKind;
        Optional<Caller> caller = Access.caller(context);
        if (request != null && request.year != null && caller.isPresent() && caller.get().role() == Role.PROFESSIONAL) {
            kind = units.declaredKind(formKind, caller.get().accountId(), request.year);
        }
        BigDecimal proposed = units.convert(e.proposed(), formKind, kind);
        String explanation = e.explanation();
        if (e.isValid() && !Units.family(kind).equals(Units.family(formKind))) {
            explanation = (explanation == null ? "" : Texts.withoutFinalStop(explanation) + "；")
                    + units.note(formKind, kind, proposed);
        }
        DeclarationKind k = DeclarationKind.valueOf(kind);
        return new EvaluationAnswer(live.description().id(), live.description().version(), e.isValid(), proposed,
                k.unit(), kind, k.label(), explanation, e.errors());
    }

    private FormRegistry.Live live(String id) {
        return forms.get(id).orElseThrow(() -> ProblemException.notFound("form_not_found", NOT_FOUND));
    }
}
