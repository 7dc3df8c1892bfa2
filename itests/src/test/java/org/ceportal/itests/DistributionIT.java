package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The distribution as an operator runs it: unpacked from the tar.gz, started with
 * {@code bin/karaf}, used in a real browser, stopped and started again.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DistributionIT {
    private static Distribution portal;
    private static Http http;
    private static String base;

    @BeforeClass
    public static void start() throws Exception {
        portal = Distribution.unpack("distribution-it");
        Duration boot = portal.start();
        System.out.println("Distribution answered /api/health 200 after " + boot.toMillis() + " ms");
        http = new Http(portal.port());
        base = "http://127.0.0.1:" + portal.port();
        http.awaitOk("/api/directory/regions", Duration.ofSeconds(30));
        // TEST ONLY: hot-deploy the known-answer captcha, as an operator drops a jar into deploy/ ...
        java.nio.file.Files.copy(Path.of(System.getProperty("ceportal.testCaptcha")),
                portal.home().resolve("deploy/test-captcha.jar"));
        // ... which alone changes nothing, however high its service ranking: the login keeps the drawn captcha
        Thread.sleep(4000);
        for (int i = 0; i < 3; i++) {
            Http.Answer issued = http.post("/api/captchas", "application/json", "");
            assertEquals(issued.body(), 201, issued.status());
            assertFalse("a deployed bundle took over the captcha", issued.json().path("id").asText().startsWith("test-"));
        }
        // only the configuration names another provider (fileinstall applies the edited file)
        portal.replaceLine("etc/org.ceportal.captcha.cfg", "provider.target", "provider.target = " + PortalOptions.TEST_CAPTCHA);
        portal.replaceLine("etc/org.ceportal.captcha.cfg", "issuesPerMinute", "issuesPerMinute = 100000");
        Accounts.awaitTestCaptcha(http);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    public void a0_theFirstOpsAccountComesFromTheOneTimeSetupToken() throws Exception {
        // no console needed: the first start without an ops account wrote a token only the server's user can read
        Path file = portal.home().resolve("data/ceportal/setup-token.txt");
        assertTrue(file + " exists", java.nio.file.Files.isRegularFile(file));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file)));
        String token = java.nio.file.Files.readString(file).strip();
        String log = java.nio.file.Files.readString(portal.home().resolve("data/log/karaf.log"));
        assertTrue("the log says where the token is", log.contains("setup-token.txt"));
        assertFalse("the log must not hold the token", log.contains(token));
        assertTrue(http.get("/api/setup").json().path("needed").asBoolean());

        try (Browser browser = new Browser(portal.home().resolve("browser"))) {
            PageDriver b = new PageDriver(browser, base);
            browser.open(base + "/setup.html");
            b.type("token", "ABCD-EFGH-JKMN-PQRS-TUVW");
            b.type("login", "henan.ops");
            b.type("name", "省运维");
            b.type("password", "首次安装的长密码2026");
            b.type("passwordConfirmation", "首次安装的长密码2026");
            browser.clickable(By.id("setup-submit")).click();
            browser.until(d -> d.findElement(By.id("token-error")).getText().contains("安装令牌无效"));
            b.type("token", token.toLowerCase(java.util.Locale.ROOT));
            browser.clickable(By.id("setup-submit")).click();
            assertTrue(browser.visible(By.id("setup-done")).getText().contains("henan.ops"));
        }
        assertFalse("a used token's file is deleted", java.nio.file.Files.exists(file));
        assertFalse(http.get("/api/setup").json().path("needed").asBoolean());
        Http.Answer again = http.post("/api/setup/ops-account", "application/json", "{\"token\":\"" + token
                + "\",\"login\":\"second.ops\",\"name\":\"又一个\",\"password\":\"首次安装的长密码2026\"}");
        assertEquals(again.body(), 409, again.status());
        Http ops = http.fresh();
        Http.Answer login = new Accounts(http, (c, in) -> portal.console(c, in, "")).tryLogin(ops, "ops", "henan.ops",
                "首次安装的长密码2026");
        assertEquals(login.body(), 200, login.status());
        assertEquals("OPS", ops.get("/api/me").json().path("role").asText());
    }

    @Test
    public void a_pickersFillTheFormInABrowser() throws Exception {
        try (Browser browser = new Browser(portal.home().resolve("browser"))) {
            browser.open(base + "/directory.html");
            browser.until(d -> new Select(d.findElement(By.id("region"))).getOptions().size() == 20);
            assertTrue(browser.driver().findElement(By.id("pick-unit")).getAttribute("disabled") != null);
            new Select(browser.driver().findElement(By.id("region"))).selectByVisibleText("洛阳市");

            // the unit pop-up lists Luoyang's units in pages
            browser.clickable(By.id("pick-unit")).click();
            WebElement units = browser.idlePicker("unit");
            assertEquals("第 1 / 3 页，共 25 个单位", units.findElement(By.cssSelector(".picker-pageinfo")).getText());
            assertEquals(10, units.findElements(By.cssSelector(".picker-item")).size());
            units.findElement(By.cssSelector(".picker-next")).click();
            browser.until(d -> d.findElement(By.cssSelector("[data-picker='unit'] .picker-pageinfo")).getText()
                    .startsWith("第 2 / 3 页"));
            assertFalse(units.findElement(By.cssSelector(".picker-confirm")).isEnabled());

            // search, pick, 选定
            units.findElement(By.cssSelector(".picker-search")).sendKeys("第一高级中学");
            browser.until(d -> d.findElements(By.cssSelector("[data-picker='unit'] .picker-item")).size() == 1
                    && "false".equals(d.findElement(By.cssSelector("[data-picker='unit']")).getAttribute("aria-busy")));
            browser.idlePicker("unit").findElement(By.cssSelector(".picker-item")).click();
            browser.clickable(By.cssSelector("[data-picker='unit'] .picker-confirm")).click();
            browser.until(d -> d.findElements(By.cssSelector("[data-picker='unit'].picker-open")).isEmpty());
            assertEquals("洛阳市第一高级中学（示例）", browser.driver().findElement(By.id("unit-name")).getAttribute("value"));
            assertFalse(browser.driver().findElement(By.id("unit-id")).getAttribute("value").isEmpty());

            // the department of the chosen unit
            browser.clickable(By.id("pick-department")).click();
            WebElement departments = browser.idlePicker("department");
            assertEquals(5, departments.findElements(By.cssSelector(".picker-item")).size());
            departments.findElements(By.cssSelector(".picker-item")).stream()
                    .filter(e -> e.getText().contains("教务处")).findFirst().orElseThrow().click();
            browser.clickable(By.cssSelector("[data-picker='department'] .picker-confirm")).click();
            browser.until(d -> "教务处".equals(d.findElement(By.id("department-name")).getAttribute("value")));

            // a major found by searching the catalogue
            browser.clickable(By.id("pick-major")).click();
            browser.idlePicker("major").findElement(By.cssSelector(".picker-search")).sendKeys("软件工程");
            browser.until(d -> !d.findElements(By.cssSelector("[data-picker='major'] .picker-item[data-code='080902']")).isEmpty()
                    && "false".equals(d.findElement(By.cssSelector("[data-picker='major']")).getAttribute("aria-busy")));
            browser.driver().findElement(By.cssSelector("[data-picker='major'] .picker-item[data-code='080902']")).click();
            browser.clickable(By.cssSelector("[data-picker='major'] .picker-confirm")).click();
            browser.until(d -> "080902".equals(d.findElement(By.id("major-code")).getAttribute("value")));
            assertTrue(browser.driver().findElement(By.id("major-name")).getAttribute("value").contains("软件工程"));

            // changing the region clears the unit and its department
            new Select(browser.driver().findElement(By.id("region"))).selectByVisibleText("郑州市");
            browser.until(d -> d.findElement(By.id("unit-name")).getAttribute("value").isEmpty()
                    && d.findElement(By.id("department-name")).getAttribute("value").isEmpty());
        }
    }

    @Test
    public void b_theFrameNamesThePlatformAndWorksOnAPhone() throws Exception {
        try (Browser browser = new Browser(portal.home().resolve("browser"))) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(375, 740));
            browser.open(base + "/");
            WebElement header = browser.visible(By.id("site-header"));
            browser.until(d -> d.findElement(By.id("site-header")).getText().contains("河南省专业技术人员继续教育信息服务平台"));
            assertTrue(browser.driver().getTitle().contains("继续教育"));
            long width = (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth");
            assertTrue("page scrolls sideways on a phone: " + width, width <= 375);
            assertTrue(header.isDisplayed());
        }
    }

    @Test
    public void c_registerApproveLoginAndChangeThePasswordInABrowser() throws Exception {
        String id = Accounts.idNumber("41030219870715002");
        long unit = http.get("/api/directory/regions/410300/units?q=" + Http.q("第一高级中学")).json()
                .path("items").get(0).path("id").asLong();
        try (Browser browser = new Browser(portal.home().resolve("browser"))) {
            PageDriver b = new PageDriver(browser, base);
            // 注册 through the pickers
            browser.open(base + "/register.html");
            b.type("idNumber", id);
            b.type("password", "洛水春深2026年");
            b.type("passwordConfirmation", "洛水春深2026年");
            b.type("mobile", "13837900715");
            b.type("email", "wang.fangfang@example.cn");
            browser.until(d -> new Select(d.findElement(By.id("region"))).getOptions().size() >= 20);
            new Select(browser.driver().findElement(By.id("region"))).selectByVisibleText("洛阳市");
            browser.clickable(By.id("pick-unit")).click();
            browser.idlePicker("unit").findElement(By.cssSelector(".picker-search")).sendKeys("第一高级中学");
            browser.until(d -> d.findElements(By.cssSelector("[data-picker='unit'] .picker-item")).size() == 1
                    && "false".equals(d.findElement(By.cssSelector("[data-picker='unit']")).getAttribute("aria-busy")));
            browser.idlePicker("unit").findElement(By.cssSelector(".picker-item")).click();
            browser.clickable(By.cssSelector("[data-picker='unit'] .picker-confirm")).click();
            browser.until(d -> d.findElements(By.cssSelector("[data-picker='unit'].picker-open")).isEmpty());
            browser.clickable(By.id("pick-department")).click();
            browser.idlePicker("department").findElements(By.cssSelector(".picker-item")).stream()
                    .filter(e -> e.getText().contains("教务处")).findFirst().orElseThrow().click();
            browser.clickable(By.cssSelector("[data-picker='department'] .picker-confirm")).click();
            browser.until(d -> "教务处".equals(d.findElement(By.id("department-name")).getAttribute("value")));
            b.type("name", "王芳芳");
            // birth date and gender come from the ID number
            browser.until(d -> "1987-07-15".equals(d.findElement(By.id("birthDate")).getAttribute("value")));
            assertTrue(browser.driver().findElement(By.id("gender-F")).isSelected());
            browser.until(d -> new Select(d.findElement(By.id("ethnicGroup"))).getOptions().size() > 50);
            new Select(browser.driver().findElement(By.id("ethnicGroup"))).selectByVisibleText("汉族");
            browser.clickable(By.id("pick-major")).click();
            browser.idlePicker("major").findElement(By.cssSelector(".picker-search")).sendKeys("软件工程");
            browser.until(d -> !d.findElements(By.cssSelector("[data-picker='major'] .picker-item[data-code='080902']")).isEmpty()
                    && "false".equals(d.findElement(By.cssSelector("[data-picker='major']")).getAttribute("aria-busy")));
            browser.driver().findElement(By.cssSelector("[data-picker='major'] .picker-item[data-code='080902']")).click();
            browser.clickable(By.cssSelector("[data-picker='major'] .picker-confirm")).click();
            browser.until(d -> "080902".equals(d.findElement(By.id("major-code")).getAttribute("value")));
            b.captcha();
            browser.clickable(By.id("register-submit")).click();
            assertTrue(browser.visible(By.id("register-done")).getText().contains("注册信息已经提交审核，请耐心等待"));

            // 注册审核状态查询, with its own captcha
            browser.open(base + "/registration-status.html");
            b.type("idNumber", id);
            b.type("password", "洛水春深2026年");
            b.captcha();
            browser.clickable(By.id("status-submit")).click();
            browser.until(d -> d.findElement(By.id("status-result")).getText().contains("待审核"));

            // not yet approved
            b.login("professional", id, "洛水春深2026年");
            browser.until(d -> d.findElement(By.id("login-error")).getText().contains("此账号还未被审核"));

            // the first unit admin is made at the console; then approves in the browser
            String pw = "审核员的长密码2026\n";
            portal.console("ceportal:account-create --role UNIT_ADMIN --unit " + unit + " --name 李主任 yizhong.admin",
                    pw + pw, "Created account");
            b.login("unit_admin", "yizhong.admin", "审核员的长密码2026");
            browser.until(d -> d.getCurrentUrl().endsWith("/home.html"));
            browser.clickable(By.cssSelector("[data-function='registration-review'] a, a[data-function='registration-review']")).click();
            By row = By.xpath("//*[@data-registration-id][contains(., '王芳芳')]");
            browser.visible(row).findElement(By.cssSelector(".approve")).click();
            browser.until(d -> d.findElements(row).isEmpty());
            browser.open(base + "/home.html");
            browser.clickable(By.id("logout")).click();
            browser.until(d -> !d.getCurrentUrl().endsWith("/home.html"));

            // the professional logs in: the home page shows the name, 修改密码 under it
            b.login("professional", id, "洛水春深2026年");
            browser.until(d -> d.getCurrentUrl().endsWith("/home.html"));
            browser.until(d -> "王芳芳".equals(d.findElement(By.id("user-name")).getText()));
            browser.clickable(By.id("change-password-link")).click();
            b.type("currentPassword", "洛水春深2026年");
            b.type("newPassword", "伊河秋月2027年");
            b.type("newPasswordConfirmation", "伊河秋月2027年");
            browser.clickable(By.id("password-submit")).click();
            browser.visible(By.id("password-done"));
            browser.open(base + "/home.html");
            browser.clickable(By.id("logout")).click();
            browser.until(d -> !d.getCurrentUrl().endsWith("/home.html"));

            b.login("professional", id, "洛水春深2026年");
            browser.until(d -> d.findElement(By.id("login-error")).getText().contains("账户或密码错误"));
            b.login("professional", id, "伊河秋月2027年");
            browser.until(d -> d.getCurrentUrl().endsWith("/home.html"));
            browser.until(d -> "王芳芳".equals(d.findElement(By.id("user-name")).getText()));
        }
    }

    @Test
    public void d_declareATrainingCourseWithAPdfInABrowser() throws Exception {
        // the professional registered and approved in c_ (alphabetical order)
        String id = Accounts.idNumber("41030219870715002");
        java.nio.file.Path scan = portal.home().resolve("browser/培训证书.pdf");
        java.nio.file.Files.createDirectories(scan.getParent());
        java.nio.file.Files.write(scan, Samples.pdf("training certificate"));
        try (Browser browser = new Browser(portal.home().resolve("browser"))) {
            PageDriver b = new PageDriver(browser, base);
            b.login("professional", id, "伊河秋月2027年");
            browser.until(d -> d.getCurrentUrl().endsWith("/home.html"));
            browser.clickable(By.cssSelector("a[data-function='declare'], [data-function='declare'] a")).click();

            b.fillTraining("信息技术与课堂教学融合", Dates.YEAR + "-07-06", Dates.YEAR + "-07-10", 3);
            browser.until(d -> d.findElement(By.id("proposed-hours")).getText().contains("24"));
            browser.driver().findElement(By.id("attachment-input")).sendKeys(scan.toString());
            browser.until(d -> !d.findElements(By.cssSelector("#attachment-list [data-attachment-id]")).isEmpty());
            browser.clickable(By.id("save-draft")).click();
            assertTrue(browser.visible(By.id("declare-done")).getText().contains("草稿"));

            // 申报进度查询: the draft, 修改, 提交
            browser.open(base + "/progress.html");
            browser.clickable(By.cssSelector("[data-filter='draft']")).click();
            By row = By.cssSelector("#declarations [data-declaration-id]");
            browser.visible(row).findElement(By.cssSelector(".edit")).click();
            browser.until(d -> d.getCurrentUrl().contains("/declare.html?id="));
            b.type("field-amount", "2");
            browser.until(d -> d.findElement(By.id("proposed-hours")).getText().contains("16"));
            browser.until(d -> !d.findElements(By.cssSelector("#attachment-list [data-attachment-id]")).isEmpty());
            browser.clickable(By.id("submit-declaration")).click();
            assertTrue(browser.visible(By.id("declare-done")).getText().contains("已提交"));

            // under 待审核; 撤销 puts it back under 待提交; 删除
            browser.open(base + "/progress.html");
            browser.clickable(By.cssSelector("[data-filter='pending']")).click();
            browser.until(d -> d.findElements(row).size() == 1 && d.findElement(row).getText().contains("信息技术与课堂教学融合"));
            browser.driver().findElement(row).findElement(By.cssSelector(".withdraw")).click();
            browser.clickable(By.id("confirm-ok")).click();
            browser.until(d -> d.findElements(row).isEmpty());
            browser.clickable(By.cssSelector("[data-filter='draft']")).click();
            browser.until(d -> d.findElements(row).size() == 1);
            browser.driver().findElement(row).findElement(By.cssSelector(".delete")).click();
            browser.clickable(By.id("confirm-ok")).click();
            browser.until(d -> d.findElements(row).isEmpty());
            browser.clickable(By.cssSelector("[data-filter='all']")).click();
            browser.until(d -> d.findElements(row).isEmpty());
        }
    }

    @Test
    public void e_aFormJarDroppedIntoDeployIsLiveWithinThreeSecondsAndGoesWhenRemoved() throws Exception {
        Path jar = portal.home().resolve("deploy/learningform-example.jar");
        assertFalse(http.get("/api/learning-forms").body().contains("skills-competition"));
        long t0 = System.nanoTime();
        java.nio.file.Files.copy(Path.of(System.getProperty("ceportal.exampleForm")), jar);
        while (!http.get("/api/learning-forms").body().contains("skills-competition")) {
            assertTrue("not listed within 3 s of the copy", System.nanoTime() - t0 < Duration.ofSeconds(3).toNanos());
            Thread.sleep(50);
        }
        System.out.println("Example form listed " + (System.nanoTime() - t0) / 1_000_000 + " ms after the copy into deploy/");
        assertEquals("技能竞赛", http.get("/api/learning-forms/skills-competition").json().path("name").asText());
        long t1 = System.nanoTime();
        java.nio.file.Files.delete(jar);
        while (http.get("/api/learning-forms").body().contains("skills-competition")) {
            assertTrue("still listed 3 s after the removal", System.nanoTime() - t1 < Duration.ofSeconds(3).toNanos());
            Thread.sleep(50);
        }
        assertEquals(13, http.get("/api/learning-forms").json().path("total").asInt());
    }

    /**
     * A unit admin clears a queue of 20 in the browser (a PDF previewed, one rejected with a
     * quick-pick reason, 19 approved in bulk); the person sees the outcomes and the unread count.
     */
    @Test
    public void f_aUnitAdminClearsAQueueOfTwentyInABrowser() throws Exception {
        // 王芳芳 (c_, with her new password; d_ left her no declarations) and her unit's admin, made in c_;
        // one unread message so far: her registration's approval
        new ReviewInBrowser(portal.home(), base, http).run(Accounts.idNumber("41030219870715002"), "伊河秋月2027年",
                "yizhong.admin", "审核员的长密码2026", 1);
    }

    /** The person changes the mobile and the title in the browser; the title is in force once the admin approves. */
    @Test
    public void g_aTitleChangeGoesThroughTheUnitAdminInABrowser() throws Exception {
        new ProfileInBrowser(portal.home(), base).run(Accounts.idNumber("41030219870715002"), "伊河秋月2027年", "yizhong.admin",
                "审核员的长密码2026");
    }

    /** 年度完成情况 of the person whose 19 courses the review test approved. */
    @Test
    public void h_theYearsCompletionShowsTheApprovedCoursesInABrowser() throws Exception {
        new CompletionInBrowser(portal.home(), base).run(Accounts.idNumber("41030219870715002"), "伊河秋月2027年", 19);
    }

    /** 忘记密码: the unit admin resets it, the person must set a new one first; Back after 退出 shows the login page. */
    @Test
    public void i_aForgottenPasswordIsResetByTheUnitAdminInABrowser() throws Exception {
        new PasswordResetInBrowser(portal.home(), base).run(Accounts.idNumber("41030219870715002"), "王芳芳",
                "重置之后的新密码2027", "yizhong.admin", "审核员的长密码2026");
    }

    /** The home page's statuses, an error that stays until the value is right, a phone photo shrunk before upload. */
    @Test
    public void j_whatATeacherTrippedOverIsSmoothInABrowser() throws Exception {
        new FrictionInBrowser(portal.home(), base).run(Accounts.idNumber("41030219870715002"), "重置之后的新密码2027");
    }

    /** 单位统计报表: the unit admin keeps 未达标, sorts, and downloads the CSV. */
    @Test
    public void k_aUnitAdminReadsTheUnitsReportInABrowser() throws Exception {
        new UnitReportInBrowser(portal.home(), base).run("yizhong.admin", "审核员的长密码2026", "王芳芳");
    }

    /** 全省统计报表: ops drill down from the region to 王芳芳's unit and export the region's people. */
    @Test
    public void l_opsDrillDownFromARegionToAUnitInABrowser() throws Exception {
        new ProvinceReportInBrowser(portal.home(), base).run("henan.ops", "首次安装的长密码2026", "洛阳市第一高级中学（示例）", "王芳芳");
    }

    /** 基地管理 and 班次管理: ops add a 继续教育基地 in the page; its admin adds a 班次 in theirs. */
    @Test
    public void m_aBaseAndItsCourseInABrowser() throws Exception {
        Accounts a = new Accounts(http, (c, in) -> portal.console(c, in, ""));
        new BaseInBrowser(portal.home(), base).run("henan.ops", "首次安装的长密码2026", baseId -> {
            Accounts.createStaff(a.loginAs("ops", "henan.ops", "首次安装的长密码2026"), "BASE_ADMIN", "lyzy.base", "基地管理员", "baseId", baseId);
            return "lyzy.base";
        });
    }

    /** 学员导入: the base admin of m_ imports a list into its 班次; 王芳芳 finds the approved base declaration. */
    @Test
    public void n_aBaseImportsItsAttendeesInABrowser() throws Exception {
        new ImportInBrowser(portal.home(), base).run("lyzy.base", "新入职教师岗前培训", Accounts.idNumber("41030219870715002"),
                "王芳芳", "重置之后的新密码2027");
    }

    /** 学习形式管理: ops install the example form from the repository on the page, see it live, uninstall it. */
    @Test
    public void n2_opsInstallAndUninstallAFormInABrowser() throws Exception {
        new OpsFormsInBrowser(portal.home(), base).run("henan.ops", "首次安装的长密码2026");
    }

    /** 新建学习形式: ops define a form on the page, 王芳芳 (her password of i_) declares with it. */
    @Test
    public void n3_opsDefineAFormAndAProfessionalDeclaresWithItInABrowser() throws Exception {
        new OpsDefineInBrowser(portal.home(), base).run("henan.ops", "首次安装的长密码2026",
                Accounts.idNumber("41030219870715002"), "重置之后的新密码2027");
    }

    /** 账号管理: ops disable a unit admin on the page and enable it again. */
    @Test
    public void n4_opsDisableAndEnableAStaffAccountInABrowser() throws Exception {
        Accounts a = new Accounts(http, (c, in) -> portal.console(c, in, ""));
        Accounts.createStaff(a.loginAs("ops", "henan.ops", "首次安装的长密码2026"), "UNIT_ADMIN", "pause.admin", "暂停管理员",
                "unitId", a.unitId("软件行业协会"));
        new StaffInBrowser(portal.home(), base).run("henan.ops", "首次安装的长密码2026", "pause.admin");
    }

    /** 单位管理: ops import units from a CSV file (a bad line shown first) and add a department on the page. */
    @Test
    public void n5_opsImportUnitsAndAddADepartmentInABrowser() throws Exception {
        new UnitsInBrowser(portal.home(), base).run("henan.ops", "首次安装的长密码2026");
    }

    /** The contract works for a real client: one generated from docs/openapi.json registers, approves, declares, submits. */
    @Test
    public void o_anIntegratorsGeneratedClientRegistersAndDeclares() throws Exception {
        Accounts a = new Accounts(http, (c, in) -> portal.console(c, in, ""));
        long unitId = a.unitId("软件行业协会");
        Accounts.createStaff(a.loginAs("ops", "henan.ops", "首次安装的长密码2026"), "UNIT_ADMIN", "client.admin", "接口管理员", "unitId", unitId);
        new GeneratedClientScenario(portal.port()).run(Accounts.idNumber("41030219900101003"), "接口测试员", "接口集成的长密码2026",
                unitId, "client.admin", portal.home().resolve("client"));
    }

    @Test
    public void z_dataSurvivesARestart() throws Exception {
        JsonNode before = http.get("/api/directory/regions/410300/units?size=50").json();
        assertEquals(25, before.path("total").asInt());
        portal.stop();
        // were the database lost, no units would come back: the demo set must not load again
        portal.replaceLine("etc/org.ceportal.directory.cfg", "demoUnits", "demoUnits = false");
        Duration boot = portal.start();
        System.out.println("Restarted distribution answered /api/health 200 after " + boot.toMillis() + " ms");
        JsonNode after = http.awaitOk("/api/directory/regions/410300/units?size=50", Duration.ofSeconds(30)).json();
        assertEquals(before, after);
        JsonNode defined = http.awaitOk("/api/learning-forms/" + OpsDefineInBrowser.FORM_ID, Duration.ofSeconds(10)).json();
        assertEquals("the form ops defined in n3_ is back", "1.0.0", defined.path("version").asText());
        JsonNode health = http.get("/api/health").json();
        assertEquals(5, health.at("/checks/database/migrations/directory/version").asInt());
        Path derby = portal.home().resolve("data/derby/ceportal");
        assertTrue(derby + " holds the database", derby.toFile().isDirectory());
    }
}
