package io.refguard.bench.search;

import io.refguard.explore.ExploreOptions;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The searches the harness compares: the default and every strategy, each as options for a seed.
 */
final class SearchStrategies {

    /** One column of the table: a name and the options for a seed. */
    record Column(String name, LongFunction<ExploreOptions> options) {}

    private SearchStrategies() {}

    static List<Column> all() {
        return List.of(
                new Column("default", s -> ExploreOptions.defaultSearch().seed(s)),
                new Column("exhaustive", s -> ExploreOptions.exhaustive().seed(s)),
                new Column("dpor", s -> ExploreOptions.dpor().seed(s)),
                new Column("random", s -> ExploreOptions.random().seed(s)),
                new Column("pos", s -> ExploreOptions.pos().seed(s)),
                new Column("pct1", s -> ExploreOptions.pct(1).seed(s)),
                new Column("pct2", s -> ExploreOptions.pct(2).seed(s)),
                new Column("pct3", s -> ExploreOptions.pct(3).seed(s)),
                new Column("pct-races3", s -> ExploreOptions.pctRaces(3).seed(s)),
                new Column("surw", s -> ExploreOptions.surw().seed(s)));
    }
}
