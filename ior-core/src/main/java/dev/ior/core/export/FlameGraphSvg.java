package dev.ior.core.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Renders a {@link FoldedStacks} tree as a self-contained interactive SVG, drawn by
 * ior itself (no flamegraph.pl): the root at the bottom, widths proportional to the
 * value, a tooltip per frame with its value and share, click to zoom into a frame
 * (click the bottom bar or "Reset zoom" to undo), and "Search" to highlight frames
 * whose name matches a regular expression. Frames narrower than 0.1 pixel are left
 * out, as flamegraph.pl does.
 */
public final class FlameGraphSvg {

    private static final int WIDTH = 1200;
    private static final int PAD = 10;
    private static final int FRAME = 16;
    private static final int HEADER = 36;
    private static final double MIN_WIDTH = 0.1;
    private static final double CHAR_WIDTH = 7.0;

    private final String title;
    private final String unit;
    private final Writer out;
    private final double scale;
    private final long total;

    private FlameGraphSvg(String title, String unit, Writer out, long total) {
        this.title = title;
        this.unit = unit;
        this.out = out;
        this.total = total;
        this.scale = total == 0 ? 0 : (WIDTH - 2.0 * PAD) / total;
    }

    /**
     * Writes the flame graph of {@code stacks}.
     *
     * @param title the heading, e.g. the ordering {@code comm/syscall/path}
     * @param unit  what the values count, e.g. {@code events} or {@code bytes}
     */
    public static void render(FoldedStacks stacks, String title, String unit, Writer out) {
        FoldedStacks.Frame root = stacks.tree();
        int depth = depth(root);
        FlameGraphSvg svg = new FlameGraphSvg(title, unit, out, root.value());
        try {
            svg.write(root, depth);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(FoldedStacks.Frame root, int depth) throws IOException {
        int height = HEADER + (depth + 1) * FRAME + PAD;
        out.write("<?xml version=\"1.0\" standalone=\"no\"?>\n");
        out.write(String.format(Locale.ROOT, "<svg version=\"1.1\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "xmlns=\"http://www.w3.org/2000/svg\" data-width=\"%d\" data-pad=\"%d\" data-total=\"%d\">%n",
                WIDTH, height, WIDTH, height, WIDTH, PAD, total));
        out.write("<style>text{font-family:monospace;font-size:12px;fill:#000}g.f:hover rect{stroke:#000;"
                + "stroke-width:0.5}#controls text{cursor:pointer;fill:#225}.hide{display:none}</style>\n");
        out.write("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#fdfdf6\"/>\n");
        out.write(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" style=\"font-size:15px\">%s</text>%n", PAD,
                xml(title + " (" + total + " " + unit + ")")));
        out.write(String.format(Locale.ROOT, "<g id=\"controls\"><text id=\"reset\" x=\"%d\" y=\"20\" "
                + "class=\"hide\">Reset zoom</text><text id=\"search\" x=\"%d\" y=\"20\">Search</text>"
                + "<text id=\"matched\" x=\"%d\" y=\"%d\"> </text></g>%n",
                WIDTH - 260, WIDTH - 70, WIDTH - 260, HEADER - 4));
        out.write("<g id=\"frames\">\n");
        frame(root, 0, 0, depth, height);
        out.write("</g>\n");
        out.write(SCRIPT);
        out.write("</svg>\n");
    }

    private void frame(FoldedStacks.Frame frame, long start, int level, int depth, int height) throws IOException {
        double width = frame.value() * scale;
        if (width < MIN_WIDTH) {
            return;
        }
        double x = PAD + start * scale;
        int y = height - PAD - (level + 1) * FRAME;
        double share = total == 0 ? 0 : 100.0 * frame.value() / total;
        out.write(String.format(Locale.ROOT, "<g class=\"f\" data-s=\"%d\" data-v=\"%d\" data-d=\"%d\">"
                + "<title>%s (%d %s, %.2f%%)</title><rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" "
                + "fill=\"%s\" rx=\"2\"/><text x=\"%.2f\" y=\"%d\">%s</text></g>%n",
                start, frame.value(), level, xml(frame.name()), frame.value(), unit, share, x, y, width, FRAME - 1,
                color(frame.name(), level), x + 3, y + FRAME - 4, xml(label(frame.name(), width))));
        long childStart = start;
        for (FoldedStacks.Frame child : frame.children()) {
            frame(child, childStart, level + 1, depth, height);
            childStart += child.value();
        }
    }

    /** The label that fits in {@code width} pixels: the whole name, cut with "..", or nothing. */
    static String label(String name, double width) {
        int chars = (int) ((width - 6) / CHAR_WIDTH);
        if (chars < 3) {
            return "";
        }
        return name.length() <= chars ? name : name.substring(0, chars - 2) + "..";
    }

    /** Warm colours, stable per name, so the same frame keeps its colour across graphs. */
    private static String color(String name, int level) {
        if (level == 0) {
            return "rgb(200,200,200)";
        }
        int h = name.hashCode();
        int r = 205 + Math.floorMod(h, 50);
        int g = Math.floorMod(h >> 8, 180) + 40;
        int b = Math.floorMod(h >> 16, 55);
        return "rgb(" + r + "," + g + "," + b + ")";
    }

    private static int depth(FoldedStacks.Frame frame) {
        int deepest = 0;
        for (FoldedStacks.Frame child : frame.children()) {
            deepest = Math.max(deepest, 1 + depth(child));
        }
        return deepest;
    }

    static String xml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Zoom and search, in the SVG itself so the file stands alone. */
    private static final String SCRIPT = """
            <script type="text/ecmascript"><![CDATA[
            (function () {
              var svg = document.documentElement, W = +svg.getAttribute('data-width'),
                  P = +svg.getAttribute('data-pad'), frames = document.querySelectorAll('g.f');
              function layout(s, v, d) {
                var scale = (W - 2 * P) / v;
                frames.forEach(function (g) {
                  var gs = +g.getAttribute('data-s'), gv = +g.getAttribute('data-v'), gd = +g.getAttribute('data-d');
                  var inside = gs < s + v && gs + gv > s;
                  g.classList.toggle('hide', !inside);
                  if (!inside) return;
                  var x0 = Math.max(gs, s), x1 = Math.min(gs + gv, s + v);
                  var rect = g.querySelector('rect'), text = g.querySelector('text');
                  var x = P + (x0 - s) * scale, w = (x1 - x0) * scale;
                  rect.setAttribute('x', x.toFixed(2)); rect.setAttribute('width', w.toFixed(2));
                  text.setAttribute('x', (x + 3).toFixed(2));
                  var name = g.querySelector('title').textContent.replace(/ \\([^(]*\\)$/, ''), n = Math.floor((w - 6) / 7);
                  text.textContent = n < 3 ? '' : (name.length <= n ? name : name.substring(0, n - 2) + '..');
                });
                document.getElementById('reset').classList.toggle('hide', d < 0);
              }
              frames.forEach(function (g) {
                g.addEventListener('click', function () {
                  var d = +g.getAttribute('data-d');
                  if (d === 0) { layout(0, +svg.getAttribute('data-total'), -1); return; }
                  layout(+g.getAttribute('data-s'), +g.getAttribute('data-v'), d);
                });
              });
              document.getElementById('reset').addEventListener('click', function () {
                layout(0, +svg.getAttribute('data-total'), -1);
              });
              document.getElementById('search').addEventListener('click', function () {
                var term = prompt('Highlight frames matching (regular expression)', '');
                var matched = 0, covered = [], re = term ? new RegExp(term) : null;
                frames.forEach(function (g) {
                  var name = g.querySelector('title').textContent.replace(/ \\([^(]*\\)$/, '');
                  var rect = g.querySelector('rect');
                  if (!rect.hasAttribute('data-fill')) rect.setAttribute('data-fill', rect.getAttribute('fill'));
                  var hit = re !== null && re.test(name);
                  rect.setAttribute('fill', hit ? 'rgb(230,0,230)' : rect.getAttribute('data-fill'));
                  if (hit) {
                    var s = +g.getAttribute('data-s'), v = +g.getAttribute('data-v');
                    if (!covered.some(function (c) { return s >= c[0] && s + v <= c[1]; })) {
                      covered.push([s, s + v]); matched += v;
                    }
                  }
                });
                var total = +svg.getAttribute('data-total');
                document.getElementById('matched').textContent = re === null ? ' '
                    : 'Matched: ' + (total ? (100 * matched / total).toFixed(1) : '0') + '%';
              });
            })();
            ]]></script>
            """;
}
