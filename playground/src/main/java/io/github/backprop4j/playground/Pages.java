package io.github.backprop4j.playground;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages: HTML templates under {@code pages/} in which {@code {{key}}} is the message of that
 * key in the page's language (bundle {@code io.github.backprop4j.playground.messages}, English
 * or {@code _zh}), and {@code {{=name}}} a value the server supplies (already safe HTML or JSON).
 */
final class Pages {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(=?)([A-Za-z0-9_.]+)}}");
    private static final String BUNDLE = "io.github.backprop4j.playground.messages";

    private Pages() {
    }

    /** {@code zh} when the query asks for it, else {@code en}. */
    static String language(Map<String, String> query) {
        return "zh".equals(query.get("lang")) ? "zh" : "en";
    }

    static ResourceBundle messages(String lang) {
        return ResourceBundle.getBundle(BUNDLE, lang.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The messages as a JSON object, for the page's scripts. */
    static String messagesJson(ResourceBundle messages) {
        ObjectNode json = Exchange.JSON.createObjectNode();
        messages.keySet().stream().sorted().forEach(k -> json.put(k, messages.getString(k)));
        return scriptSafe(json.toString());
    }

    /** The page {@code name}, filled in. */
    static String render(String name, String lang, Map<String, String> values) {
        ResourceBundle messages = messages(lang);
        String template = layout().replace("{{=main}}", resource("pages/" + name + ".html"));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(2);
            String value;
            if (m.group(1).isEmpty()) {
                value = escape(messages.getString(key));
            } else if (key.equals("lang")) {
                value = lang;
            } else if (key.equals("messages")) {
                value = messagesJson(messages);
            } else {
                value = values.getOrDefault(key, "");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String layout() {
        return resource("pages/layout.html");
    }

    static String resource(String path) {
        try (InputStream in = Pages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text as HTML. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** JSON that may sit inside a script element. */
    static String scriptSafe(String json) {
        return json.replace("</", "<\\/").replace("<!--", "<\\!--");
    }
}
