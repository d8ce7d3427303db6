package dev.interviewcoach.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Line charts of scores (1 to 5) over time, drawn headless with JFreeChart into a PNG. With
 * {@link TextMode#WITH_TEXT} the chart has a title, dated axes and a legend; that needs a font, and
 * a JDK has none of its own (it uses the system's through fontconfig), so a machine without fonts
 * gets {@link TextMode#WITHOUT_TEXT}: the same lines, points and grid (one line per score, one per
 * week) and no text at all, which touches no font. Every chart's words are in its alt text anyway.
 */
public final class ScoreChart {

    private static final Logger log = LoggerFactory.getLogger(ScoreChart.class);

    static {
        // Charts are drawn in memory; no display is ever needed.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Whether a chart may draw text. */
    public enum TextMode {
        /** Title, axis labels and legend: needs a font from the system. */
        WITH_TEXT,
        /** Lines, points and grid only: works on a machine with no fonts at all. */
        WITHOUT_TEXT;

        private static volatile TextMode detected;

        /** Text when this JVM can draw it, found out once by drawing a word off-screen. */
        public static TextMode detect() {
            TextMode mode = detected;
            if (mode == null) {
                mode = fontsWork() ? WITH_TEXT : WITHOUT_TEXT;
                if (mode == WITHOUT_TEXT) {
                    log.info("no usable font on this machine: charts are drawn without text (their words are in the"
                            + " message); install fonts (Debian: apt-get install fontconfig fonts-dejavu-core) for labels");
                }
                detected = mode;
            }
            return mode;
        }

        private static boolean fontsWork() {
            try {
                BufferedImage probe = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = probe.createGraphics();
                try {
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                    g.drawString("Ag 1-5", 1, 15);
                    return g.getFontMetrics().stringWidth("Ag") > 0;
                } finally {
                    g.dispose();
                }
            } catch (Throwable noFonts) { // NOPMD - "No physical fonts found" is an Error; fontconfig may be missing
                return false;
            }
        }
    }

    /** One point: when, and the score (1-5) then. */
    public record Point(Instant at, double value) {
        public Point {
            Objects.requireNonNull(at, "at");
        }
    }

    /** One line of the chart, named in the legend and the alt text. */
    public record Line(String name, List<Point> points) {
        public Line {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
        }
    }

    /** Colours of the lines, in order, and their names for alt text. */
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};
    private static final String[] COLOUR_NAMES = {"blue", "orange", "green", "red", "purple", "brown", "pink", "grey"};
    /** The most lines a chart shows. */
    public static final int MOST_LINES = COLOURS.length;
    public static final int WIDTH = 800;
    public static final int HEIGHT = 400;

    private final TextMode text;
    private final ZoneId zone;

    /**
     * @param text whether to draw text
     * @param zone the zone dates on the time axis are shown in
     */
    public ScoreChart(TextMode text, ZoneId zone) {
        this.text = text;
        this.zone = zone;
    }

    /** A chart in {@code zone}, with text when this machine can draw it. */
    public static ScoreChart forZone(ZoneId zone) {
        return new ScoreChart(TextMode.detect(), zone);
    }

    /** The colour name of the line at {@code index}, for alt text ("blue"). */
    public static String colourName(int index) {
        return COLOUR_NAMES[index % COLOUR_NAMES.length];
    }

    public TextMode textMode() {
        return text;
    }

    /** Draws the lines (at most {@link #MOST_LINES}; the rest are left out) and encodes the chart as PNG. */
    public byte[] png(String title, List<Line> lines) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Line> shown = lines.subList(0, Math.min(MOST_LINES, lines.size()));
        for (int i = 0; i < shown.size(); i++) {
            // Unique keys: two lines may share a name (a topic in two tracks).
            XYSeries series = new XYSeries(i + ": " + shown.get(i).name(), true, true);
            shown.get(i).points().forEach(p -> series.addOrUpdate(p.at().toEpochMilli(), p.value()));
            data.addSeries(series);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < shown.size(); i++) {
            renderer.setSeriesPaint(i, COLOURS[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        renderer.setLegendItemLabelGenerator((dataset, series) -> {
            String key = dataset.getSeriesKey(series).toString();
            return key.substring(key.indexOf(": ") + 2);
        });
        NumberAxis scores = new NumberAxis(text == TextMode.WITH_TEXT ? "score (1-5)" : null);
        scores.setRange(0.8, 5.2);
        scores.setAutoTickUnitSelection(false); // choosing a tick unit measures labels, which needs a font
        scores.setTickUnit(new NumberTickUnit(1));
        ValueAxis time;
        if (text == TextMode.WITH_TEXT) {
            DateAxis dates = new DateAxis(null, TimeZone.getTimeZone(zone), Locale.ENGLISH);
            SimpleDateFormat format = new SimpleDateFormat("d MMM", Locale.ENGLISH);
            format.setTimeZone(TimeZone.getTimeZone(zone));
            dates.setDateFormatOverride(format);
            time = dates;
        } else {
            NumberAxis weeks = new NumberAxis(null);
            weeks.setAutoRangeIncludesZero(false);
            weeks.setAutoTickUnitSelection(false);
            weeks.setTickUnit(new NumberTickUnit(7 * 24 * 3600 * 1000.0)); // a grid line a week
            weeks.setVisible(false);
            scores.setVisible(false);
            time = weeks;
        }
        padSinglePoint(time, data);
        XYPlot plot = new XYPlot(data, time, scores, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xbbbbbb));
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setNoDataMessage(null);
        boolean words = text == TextMode.WITH_TEXT;
        JFreeChart chart = new JFreeChart(words ? title : null, words ? new Font(Font.SANS_SERIF, Font.BOLD, 16)
                : JFreeChart.DEFAULT_TITLE_FONT, plot, words && shown.size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(words);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
        return out.toByteArray();
    }

    /** One point in time makes an empty range: widen it by a few days either side. */
    private static void padSinglePoint(ValueAxis time, XYSeriesCollection data) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                min = Math.min(min, data.getXValue(s, i));
                max = Math.max(max, data.getXValue(s, i));
            }
        }
        double day = 24 * 3600 * 1000.0;
        if (min > max) {
            long now = System.currentTimeMillis();
            time.setRange(now - 7 * day, now);
        } else if (max - min < 2 * day) {
            time.setRange(min - 3 * day, max + 3 * day);
        } else {
            time.setRange(min - day / 2, max + day / 2);
        }
    }
}
