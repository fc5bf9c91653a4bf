package org.twinfold.cli.report;

import java.util.Base64;
import java.util.Locale;

/** Small helpers that build the HTML text of the reports: the generic one and the task sections. */
public final class Html {

    private Html() {
    }

    /** Returns the text with the characters that HTML treats as markup replaced by entities. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Formats a number with four significant digits; NaN and infinities as words. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    /** Returns an image element that embeds the PNG as base64, so the report stays one file. */
    public static String image(byte[] png, String alt) {
        return "<img alt=\"" + escape(alt) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\">";
    }

    /** Returns a table row of cells that are already HTML. */
    public static String row(String... cells) {
        StringBuilder html = new StringBuilder("<tr>");
        for (String cell : cells) {
            html.append("<td>").append(cell).append("</td>");
        }
        return html.append("</tr>\n").toString();
    }

    /** Returns a header row; the cells are escaped, so write symbols as text, not as entities. */
    public static String header(String... cells) {
        StringBuilder html = new StringBuilder("<tr>");
        for (String cell : cells) {
            html.append("<th>").append(escape(cell)).append("</th>");
        }
        return html.append("</tr>\n").toString();
    }
}
