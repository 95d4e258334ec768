package io.refguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ring of access records keeps the first record and the last few, in order, at any size. */
class RecordsTest {

    private static String indexes(Records records) {
        List<AccessRecord> kept = records.snapshot();
        return kept.stream().map(r -> r.index() + r.event()).collect(Collectors.joining(" "));
    }

    private static Records filled(int last, int n) {
        Records records = new Records(last);
        for (int i = 0; i < n; i++) {
            records.add(i == 0 ? "create" : "touch", null, null);
        }
        return records;
    }

    @Test
    void aRingWhoseSizeIsAPowerOfTwoKeepsTheLastOnes() {
        assertEquals("1create 7touch 8touch 9touch 10touch", indexes(filled(4, 10)));
        assertEquals(10, filled(4, 10).total());
    }

    @Test
    void aRingOfAnyOtherSizeKeepsTheLastOnesToo() {
        assertEquals("1create 8touch 9touch 10touch", indexes(filled(3, 10)));
        assertEquals("1create 6touch 7touch 8touch 9touch 10touch", indexes(filled(5, 10)));
    }

    @Test
    void withNoRingOnlyTheFirstIsKept() {
        assertEquals("1create", indexes(filled(0, 10)));
    }

    @Test
    void fewerRecordsThanTheRingHoldsAreAllKept() {
        assertEquals("1create 2touch 3touch", indexes(filled(3, 3)));
    }
}
