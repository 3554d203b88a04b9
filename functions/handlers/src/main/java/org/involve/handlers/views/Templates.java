package org.involve.handlers.views;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Renders the JTE templates of src/main/jte. They are compiled to Java classes at build time, so the engine only
 * loads a class by name when a template is first used: nothing is scanned or compiled at cold start. Templates escape
 * what they write with {@code ${}}; markup is written only by the templates.
 */
public final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {}

    /** A template whose one {@code @param} is {@code model}: {@code render("staff/home.jte", new StaffPages.Home(...))}. */
    public static String render(String name, Object model) {
        StringOutput out = new StringOutput();
        ENGINE.render(name, model, out);
        return out.toString();
    }

    /** A template with several named {@code @param}s; a parameter left out takes its default. */
    public static String render(String name, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(name, params, out);
        return out.toString();
    }
}
