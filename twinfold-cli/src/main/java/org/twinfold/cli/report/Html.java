package org.twinfold.cli.report;

import java.util.Base64;
import java.util.Locale;

/** Small helpers that build the report's HTML text. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Formats a number with four significant digits; NaN and infinities as words. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    static String image(byte[] png, String alt) {
        return "<img alt=\"" + escape(alt) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\">";
    }

    static String row(String... cells) {
        StringBuilder html = new StringBuilder("<tr>");
        for (String cell : cells) {
            html.append("<td>").append(cell).append("</td>");
        }
        return html.append("</tr>\n").toString();
    }

    static String header(String... cells) {
        StringBuilder html = new StringBuilder("<tr>");
        for (String cell : cells) {
            html.append("<th>").append(escape(cell)).append("</th>");
        }
        return html.append("</tr>\n").toString();
    }
}
