package dev.interviewcoach.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScoreChartTest {

    private static final Instant START = Instant.parse("2026-10-05T09:00:00Z");

    @ParameterizedTest
    @EnumSource(ScoreChart.TextMode.class)
    void drawsAValidPngOfSaneSizeWithOrWithoutText(ScoreChart.TextMode mode) throws IOException {
        List<ScoreChart.Line> lines = new ArrayList<>();
        for (int line = 0; line < 3; line++) {
            List<ScoreChart.Point> points = new ArrayList<>();
            for (int week = 0; week < 8; week++) {
                points.add(new ScoreChart.Point(START.plus(7L * week, ChronoUnit.DAYS), 1 + (week + line) % 5));
            }
            lines.add(new ScoreChart.Line("topic " + line, points));
        }
        byte[] png = new ScoreChart(mode, ZoneId.of("Europe/Berlin")).png("Median score by week", lines);

        assertPng(png);
    }

    @ParameterizedTest
    @EnumSource(ScoreChart.TextMode.class)
    void oneAnswerOrNoneStillMakesAChart(ScoreChart.TextMode mode) throws IOException {
        ScoreChart chart = new ScoreChart(mode, ZoneId.of("UTC"));
        assertPng(chart.png("one", List.of(new ScoreChart.Line("caching", List.of(new ScoreChart.Point(START, 4))))));
        assertPng(chart.png("none", List.of()));
    }

    /**
     * Whatever this machine has: with fonts, text; without (a JDK brings none, and a slim container
     * has no fontconfig), the text-free chart, which must still draw. Run on a machine without fonts
     * by hiding them: unshare -rm sh -c 'mount -t tmpfs none /usr/share/fonts; mvn ... -Dtest=ScoreChartTest#detected*'.
     */
    @org.junit.jupiter.api.Test
    void detectedModeDrawsOnThisMachine() throws IOException {
        ScoreChart chart = ScoreChart.forZone(ZoneId.of("UTC"));
        assertPng(chart.png("detected", List.of(new ScoreChart.Line("caching", List.of(new ScoreChart.Point(START, 2),
                new ScoreChart.Point(START.plus(7, ChronoUnit.DAYS), 4))))));
        System.out.println("charts on this machine: " + chart.textMode());
    }

    static void assertPng(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("decodes as an image").isNotNull();
        assertThat(image.getWidth()).isEqualTo(ScoreChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ScoreChart.HEIGHT);
        assertThat(png.length).as("a few kilobytes, not a megabyte").isBetween(500, 300_000);
    }
}
