package io.refguard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SideBySideTest {

    private static final String HEADER =
            "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\",\"Param: name\"";

    @Test
    void putsEachBenchmarkNextToItsPeerWithTheRatio() {
        String table =
                SideBySide.render(
                        List.of(
                                HEADER,
                                "\"io.refguard.bench.AcquireReleaseBench.netty\",\"avgt\",1,5,4.000000,0.100000,\"ns/op\",",
                                "\"io.refguard.bench.AcquireReleaseBench.refguard\",\"avgt\",1,5,3.000000,0.200000,\"ns/op\","));
        assertTrue(table.contains("### AcquireReleaseBench"), table);
        assertTrue(
                table.contains("| refguard | 1 | 3.0 ± 0.2 ns/op |  | 0.75x the time of netty |"),
                table);
        assertTrue(table.contains("| netty | 1 | 4.0 ± 0.1 ns/op |  |  |"), table);
    }

    @Test
    void namesParameterValuesAndKeepsAuxiliaryCounters() {
        String table =
                SideBySide.render(
                        List.of(
                                HEADER,
                                "\"io.refguard.bench.ExplorerBench.timeToFirstBug\",\"avgt\",1,5,0.215000,0.010000,\"ms/op\",\"lost-update\"",
                                "\"io.refguard.bench.ExplorerBench.exhaustivePoints:schedules\",\"thrpt\",1,5,12070.5,NaN,\"ops/s\","));
        assertTrue(table.contains("| timeToFirstBug (lost-update) | 1 | 0.2 ± 0.0 ms/op |"), table);
        assertTrue(
                table.contains("| exhaustivePoints:schedules | 1 | 12070.5 ± NaN ops/s |"), table);
    }

    @Test
    void aParameterInALaterColumnStillOpensItsParenthesis() {
        String table =
                SideBySide.render(
                        List.of(
                                HEADER + ",\"Param: mode\"",
                                "\"io.refguard.bench.ExplorerBench.timeToFirstBug\",\"avgt\",1,5,0.3,0.0,\"ms/op\",,\"fast\"",
                                "\"io.refguard.bench.ExplorerBench.both\",\"avgt\",1,5,0.3,0.0,\"ms/op\",\"a\",\"b\""));
        assertTrue(table.contains("| timeToFirstBug (fast) |"), table);
        assertTrue(table.contains("| both (a, b) |"), table);
    }

    @Test
    void averagesRoundsAndShowsTheirSpreadAndTheBytesAllocatedPerOperation() {
        String table =
                SideBySide.render(
                        List.of(
                                HEADER,
                                "\"io.refguard.bench.AcquireReleaseBench.netty\",\"avgt\",1,3,4.0,0.1,\"ns/op\",",
                                "\"io.refguard.bench.AcquireReleaseBench.netty:gc.alloc.rate.norm\",\"avgt\",1,3,0.0,0.0,\"B/op\",",
                                "\"io.refguard.bench.AcquireReleaseBench.netty:gc.count\",\"avgt\",1,3,0.0,NaN,\"counts\",",
                                HEADER,
                                "\"io.refguard.bench.AcquireReleaseBench.netty\",\"avgt\",1,3,5.0,0.1,\"ns/op\",",
                                "\"io.refguard.bench.AcquireReleaseBench.netty:gc.alloc.rate.norm\",\"avgt\",1,3,0.0,0.0,\"B/op\","));
        assertTrue(table.contains("| netty | 1 | 4.5 ± 0.5 ns/op | 0 B/op |  |"), table);
        assertTrue(!table.contains("gc.count"), table);
        assertTrue(!table.contains("### alloc"), table);
    }

    @Test
    void attachesTheBytesAllocatedToAParameterizedBenchmark() {
        String table =
                SideBySide.render(
                        List.of(
                                HEADER,
                                "\"io.refguard.bench.SiteCaptureBench.throwable\",\"avgt\",1,3,900.0,10.0,\"ns/op\",\"10\"",
                                "\"io.refguard.bench.SiteCaptureBench.throwable:gc.alloc.rate.norm\",\"avgt\",1,3,512.0,0.0,\"B/op\",\"10\""));
        assertTrue(
                table.contains("| throwable (10) | 1 | 900.0 ± 10.0 ns/op | 512 B/op |  |"), table);
    }

    @Test
    void splitsQuotedFieldsWithCommas() {
        assertEquals(List.of("a,b", "c", ""), SideBySide.splitCsv("\"a,b\",c,"));
    }
}
