package org.ceportal.ops.internal.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ceportal.ops.internal.FormDefiner;
import org.ceportal.ops.internal.FormDefinition;
import org.ceportal.platform.api.ProblemException;

/**
 * {@code ceportal:form-define [--update] FILE.json}: defines a learning form without Java from the JSON the page
 * sends (or a new revision of it), with the same checks and audit.
 */
@Service
@Command(scope = "ceportal", name = "form-define",
        description = "Define a learning form without Java from a JSON file (as the page's 新建学习形式), or a new revision with --update")
public class FormDefineCommand implements Action {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Reference
    FormDefiner definer;

    @Option(name = "-u", aliases = "--update", description = "A new revision of the defined form of that id")
    boolean update;

    @Argument(index = 0, name = "file", required = true, description = "A UTF-8 JSON file: {id, name, kind, category, fields, rule, maxPerItem, maxPerYear}")
    String file;

    @Override
    public Object execute() {
        FormDefinition d;
        try {
            d = JSON.readValue(Files.readString(Path.of(file)), FormDefinition.class);
        } catch (IOException e) {
            System.err.println("Cannot read " + file + ": " + e.getMessage());
            return null;
        }
        try {
            FormDefiner.Defined done = update ? definer.update(null, "console", d.id(), d) : definer.create(null, "console", d);
            System.out.println((update ? "已更新 " : "已定义 ") + done.definition().id() + " " + done.version()
                    + (done.live() ? "（在用）" : "（尚未上线，请查看日志）"));
        } catch (ProblemException e) {
            System.err.println(e.describe());
        }
        return null;
    }
}
