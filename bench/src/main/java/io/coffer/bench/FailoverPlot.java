package io.coffer.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A PNG of write latency against time relative to each kill (one series per round, -1 s to +3 s). */
final class FailoverPlot {

    private FailoverPlot() {
    }

    static void write(Path file, List<WriteLoop.Attempt> attempts, List<FailoverRound> rounds) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (FailoverRound round : rounds) {
            XYSeries series = new XYSeries("round " + round.round + " (" + round.killed + ")", false, true);
            for (WriteLoop.Attempt a : attempts) {
                double at = (a.startNanos() - round.killNanos) / 1_000_000.0;
                if (at >= -1000 && at <= 3000) {
                    double latency = (a.endNanos() - a.startNanos()) / 1_000_000.0;
                    series.add(at, a.acked() ? latency : -latency);
                }
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createScatterPlot("Write latency around a leader kill -9",
                "ms after kill (request start)", "latency ms (negative: failed attempt)", data,
                PlotOrientation.VERTICAL, true, false, false);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1200, 700);
    }
}
