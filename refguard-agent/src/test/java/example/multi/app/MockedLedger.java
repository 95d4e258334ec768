package example.multi.app;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.util.concurrent.atomic.AtomicInteger;
import org.mockito.MockMakers;

/**
 * Mocks the package-private {@link Ledger}, with Mockito's default (inline) mock maker and with its
 * subclass mock maker, and reads the stubbed balance from two threads.
 */
public class MockedLedger {
    public static void main(String[] args) throws InterruptedException {
        Ledger inline = mock(Ledger.class);
        when(inline.balance()).thenReturn(5);
        Ledger subclass = mock(Ledger.class, withSettings().mockMaker(MockMakers.SUBCLASS));
        when(subclass.balance()).thenReturn(7);
        AtomicInteger sum = new AtomicInteger();
        Thread a = new Thread(() -> sum.addAndGet(inline.balance()));
        Thread b = new Thread(() -> sum.addAndGet(subclass.balance()));
        a.start();
        b.start();
        a.join();
        b.join();
        assert sum.get() == 12 : "sum " + sum.get();
    }
}
