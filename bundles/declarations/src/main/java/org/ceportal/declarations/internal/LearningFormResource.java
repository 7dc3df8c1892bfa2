package org.ceportal.declarations.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.ceportal.learningform.api.Evaluation;
import org.ceportal.platform.api.ItemList;
import org.ceportal.platform.api.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/learning-forms}: the live learning forms (public: integrators and the
 * help page list them), one form's schema, and the evaluation the page calls as the
 * user types.
 */
@Component(service = LearningFormResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JSONRequired
@Path("learning-forms")
@Produces(MediaType.APPLICATION_JSON)
public final class LearningFormResource {
    static final String NOT_FOUND = "该学习形式不存在或已停用";
    private final FormRegistry forms;

    @Activate
    public LearningFormResource(@Reference FormRegistry forms) {
        this.forms = forms;
    }

    /** Body of the evaluation call. */
    public static final class EvaluationRequest {
        public Map<String, Object> values;
    }

    @GET
    public ItemList<Map<String, Object>> list() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (FormRegistry.Live l : forms.live()) {
            items.add(Schemas.summary(l.description()));
        }
        return new ItemList<>(items, items.size());
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        return Schemas.full(live(id).description());
    }

    @POST
    @Path("{id}/evaluation")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> evaluate(@PathParam("id") String id, EvaluationRequest request) {
        FormRegistry.Live live = live(id);
        Evaluation e = DeclarationChecks.evaluate(live, request == null ? null : request.values);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("formId", live.description().id());
        out.put("formVersion", live.description().version());
        out.put("valid", e.isValid());
        BigDecimal proposed = e.proposed();
        out.put("proposedHours", proposed);
        out.put("unit", live.description().kind().unit());
        out.put("explanation", e.explanation());
        out.put("errors", e.errors());
        return out;
    }

    private FormRegistry.Live live(String id) {
        return forms.get(id).orElseThrow(() -> ProblemException.notFound("form_not_found", NOT_FOUND));
    }
}
