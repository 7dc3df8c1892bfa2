package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ceportal.client.ApiClient;
import org.ceportal.client.ApiException;
import org.ceportal.client.api.AccountsApi;
import org.ceportal.client.api.AttachmentsApi;
import org.ceportal.client.api.CaptchaApi;
import org.ceportal.client.api.DeclarationsApi;
import org.ceportal.client.api.DirectoryApi;
import org.ceportal.client.model.Declaration;
import org.ceportal.client.model.DeclarationRequest;
import org.ceportal.client.model.DeclarationSubmitRequest;
import org.ceportal.client.model.LoggedIn;
import org.ceportal.client.model.Login;
import org.ceportal.client.model.Registration;
import org.ceportal.client.model.RegistrationAccepted;
import org.ceportal.client.model.UnitRegistration;
import org.ceportal.client.model.UnitRegistrationDecideRequest;

/**
 * What an integrator does with a Java client generated from {@code docs/openapi.json}
 * (openapi-generator, library {@code native}; see the itests' pom): register a professional,
 * approve the registration as the unit admin, log in, declare a training with a proof and
 * submit it. Nothing here is written by hand against the API but the cookie store and the
 * {@code X-CSRF-Token} header (the document's {@code session} and {@code csrf} schemes, which the
 * {@code native} library leaves to the caller).
 */
final class GeneratedClientScenario {
    private final String api;

    GeneratedClientScenario(int port) {
        this.api = "http://127.0.0.1:" + port + "/api";
    }

    /** One user agent: its own cookies, and the session's CSRF token once logged in. */
    private final class Agent {
        final ApiClient client = new ApiClient();
        volatile String csrf;

        Agent() {
            client.setHttpClientBuilder(HttpClient.newBuilder().cookieHandler(new CookieManager()));
            client.updateBaseUri(api);
            client.setRequestInterceptor(b -> {
                if (csrf != null) {
                    b.setHeader("X-CSRF-Token", csrf);
                }
            });
        }

        String captcha() throws ApiException {
            return new CaptchaApi(client).captchaIssue().getId();
        }

        LoggedIn login(Login.UserTypeEnum type, String account, String password) throws ApiException {
            LoggedIn in = new AccountsApi(client).sessionLogin(new Login().userType(type).account(account).password(password)
                    .captchaId(captcha()).captchaAnswer(Accounts.ANSWER));
            csrf = in.getCsrfToken();
            return in;
        }
    }

    /**
     * @param idNumber a new professional's ID number (its birth date and gender are read from it)
     * @param unitId   a unit whose admin is {@code adminLogin} with {@link Accounts#STAFF_PASSWORD}
     */
    void run(String idNumber, String name, String password, long unitId, String adminLogin, Path work) throws Exception {
        // 注册: anonymous, with a captcha
        Agent visitor = new Agent();
        long department = new DirectoryApi(visitor.client).directoryDepartments(Math.toIntExact(unitId)).getItems().get(0).getId();
        RegistrationAccepted accepted = new AccountsApi(visitor.client).registrationRegister(new Registration()
                .idNumber(idNumber).password(password).passwordConfirmation(password)
                .mobile("139" + idNumber.substring(10, 18).replace('X', '0')).email("client" + idNumber.substring(12) + "@example.cn")
                .regionCode("410300").unitId(Math.toIntExact(unitId)).departmentId(Math.toIntExact(department)).name(name)
                .gender((idNumber.charAt(16) - '0') % 2 == 1 ? Registration.GenderEnum.M : Registration.GenderEnum.F)
                .birthDate(LocalDate.parse(idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14)))
                .ethnicGroup("01").captchaId(visitor.captcha()).captchaAnswer(Accounts.ANSWER));
        assertEquals("pending", accepted.getState());

        // 注册审核: the unit admin finds it among the pending and approves the version they saw
        Agent admin = new Agent();
        assertEquals("UNIT_ADMIN", admin.login(Login.UserTypeEnum.UNIT_ADMIN, adminLogin, Accounts.STAFF_PASSWORD).getRole());
        AccountsApi unit = new AccountsApi(admin.client);
        UnitRegistration registration = unit.unitRegistrationList("pending", 0, 100).getItems().stream()
                .filter(r -> idNumber.equals(r.getIdNumber())).findFirst()
                .orElseThrow(() -> new AssertionError("the unit admin does not see the registration of " + idNumber));
        UnitRegistration decided = unit.unitRegistrationDecide(Math.toIntExact(registration.getId()),
                new UnitRegistrationDecideRequest().decision(UnitRegistrationDecideRequest.DecisionEnum.APPROVE)
                        .version(registration.getVersion()));
        assertEquals("approved", decided.getState());

        // 登录, then 学时申报: a proof, a draft, and its submission
        Agent me = new Agent();
        assertEquals(name, me.login(Login.UserTypeEnum.PROFESSIONAL, idNumber, password).getName());
        File proof = work.resolve("培训证书.pdf").toFile();
        Files.createDirectories(work);
        Files.write(proof.toPath(), Samples.pdf("generated client"));
        long attachment = new AttachmentsApi(me.client).attachmentUpload(proof).getId();
        DeclarationsApi declarations = new DeclarationsApi(me.client);
        Declaration draft = declarations.declarationCreate(new DeclarationRequest().formId("training").year(Dates.YEAR)
                .category(DeclarationRequest.CategoryEnum.PROFESSIONAL)
                .values(Map.of("courseName", "接口集成培训", "organiser", "洛阳市教育局",
                        "period", Map.of("from", Dates.YEAR + "-03-02", "to", Dates.YEAR + "-03-03"),
                        "measure", "days", "amount", 2))
                .attachmentIds(List.of(Math.toIntExact(attachment))));
        assertEquals("draft", draft.getState());
        assertEquals(1, draft.getAttachments().size());
        assertTrue("the rule proposed hours: " + draft.getProposedHours(), draft.getProposedHours().compareTo(BigDecimal.ZERO) > 0);

        Declaration submitted = declarations.declarationSubmit(Math.toIntExact(draft.getId()),
                new DeclarationSubmitRequest().version(draft.getVersion()));
        assertEquals("pending", submitted.getState());
        assertEquals("待审核", submitted.getStateName());
        assertEquals(List.of(draft.getId()), declarations.declarationList("pending", Dates.YEAR, 0, 10).getItems().stream()
                .map(d -> d.getId()).toList());
    }
}
