package dev.backoffice.examples.demo.report;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as inline SVG: no JavaScript, no external files, so the report opens
 * anywhere, offline, and prints.
 */
final class BarChart {

    /** One bar: a label, a value (any unit) and the text printed at the bar's end. */
    record Bar(String label, double value, String text) {
    }

    private static final String[] COLOURS = {"#2f6f9f", "#d98c2b", "#5a9e4b", "#b0413e", "#7b5ea7", "#3e9e9b"};

    private BarChart() {
    }

    /** Values are only used for bar lengths (a picture), never for money arithmetic. */
    static String svg(String title, List<Bar> bars) {
        int rowHeight = 28;
        int labelWidth = 230;
        int barArea = 420;
        int width = labelWidth + barArea + 140;
        int height = 30 + rowHeight * bars.size();
        double max = bars.stream().mapToDouble(b -> Math.abs(b.value())).max().orElse(1);
        if (max == 0) {
            max = 1;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" role=\"img\" aria-label=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%%\" style=\"max-width:%dpx\" viewBox=\"0 0 %d %d\">",
                Html.escape(title), width, width, height));
        sb.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"16\" class=\"chart-title\">%s</text>", Html.escape(title)));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 26 + i * rowHeight;
            double length = Math.max(1, barArea * Math.abs(bar.value()) / max);
            sb.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" class=\"chart-label\">%s</text>", y + 16, Html.escape(bar.label())));
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\" rx=\"3\" fill=\"%s\"/>",
                    labelWidth, y + 2, length, COLOURS[i % COLOURS.length]));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"chart-value\">%s</text>",
                    labelWidth + length + 6, y + 16, Html.escape(bar.text())));
        }
        return sb.append("</svg>").toString();
    }
}
