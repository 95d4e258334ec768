package io.refguard.explore.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import io.refguard.explore.report.HtmlRenderer;
import io.refguard.explore.sync.SharedInt;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report's call tree: each thread calls two methods of an account, and the table shows a method
 * line for each call with its steps indented below it; the HTML page groups the same steps under
 * collapsible methods.
 */
class CallTreeTest {

    /** An account whose deposit and withdrawal each read, then write, the balance. */
    static final class Account {
        final SharedInt balance = new SharedInt("balance", 10);

        void deposit(int amount) {
            int b = balance.get();
            balance.set(b + amount);
        }

        void withdraw(int amount) {
            int b = balance.get();
            balance.set(b - amount);
        }
    }

    static Scenario<Account> scenario() {
        return Explorer.scenario("deposit and withdraw")
                .setup(Account::new)
                .actor(
                        "T1",
                        a -> {
                            a.deposit(5);
                            a.withdraw(3);
                        })
                .actor(
                        "T2",
                        a -> {
                            a.deposit(1);
                            a.withdraw(1);
                        })
                .check(a -> assertEquals(12, a.balance.peek(), "no update may be lost"));
    }

    private static InterleavingFailure failure() {
        return assertThrows(
                InterleavingFailure.class,
                () -> scenario().explore(ExploreOptions.exhaustive().preemptionBound(2)));
    }

    /** The cells of one thread's column, in order, without the empty ones. */
    private static List<String> column(String table, int column) {
        return table.lines()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| step"))
                .map(l -> l.split("\\|")[column + 2])
                .filter(c -> !c.isBlank())
                .map(c -> c.substring(1).stripTrailing())
                .toList();
    }

    @Test
    void eachCallGetsAMethodLineWithItsStepsNestedBelow() {
        String table = failure().table();
        List<String> t1 = column(table, 0);
        int deposit = t1.indexOf("Account.deposit");
        int withdraw = t1.indexOf("Account.withdraw");
        assertTrue(deposit >= 0 && withdraw > deposit, table);
        List<String> depositSteps = t1.subList(deposit + 1, withdraw);
        assertEquals(2, depositSteps.size(), table);
        assertTrue(depositSteps.get(0).startsWith("  balance.get (CallTreeTest.java:"), table);
        assertTrue(depositSteps.get(1).startsWith("  balance.set (CallTreeTest.java:"), table);
        List<String> withdrawSteps = t1.subList(withdraw + 1, t1.size());
        assertEquals(2, withdrawSteps.size(), table);
        assertTrue(withdrawSteps.stream().allMatch(c -> c.startsWith("  balance.")), table);
        List<String> t2 = column(table, 1);
        assertTrue(t2.contains("Account.deposit"), table);
    }

    @Test
    void theHtmlPageGroupsTheSameStepsUnderCollapsibleMethods() {
        InterleavingFailure f = failure();
        String html = HtmlRenderer.render(f.report());
        int calls = html.indexOf("<section id=\"calls\">");
        assertTrue(calls > 0, html);
        String section = html.substring(calls, html.indexOf("</section>", calls));
        String group =
                "<li class=\"call\"><details open><summary><span class=\"method\">"
                        + "Account.%s</span> <span class=\"count\">2 steps</span>"
                        + "</summary>\n<ul class=\"tree\">\n<li class=\"call-step\">";
        assertTrue(section.contains(String.format(group, "deposit")), section);
        assertTrue(section.contains(String.format(group, "withdraw")), section);
        long steps = f.table().lines().filter(l -> l.matches("\\| \\d+.*")).count();
        long listed = section.split("<li class=\"call-step\">", -1).length - 1;
        assertEquals(steps, listed, "every step of the table under its thread");
        assertEquals(
                section.split("<details", -1).length - 1,
                section.split("</details>", -1).length - 1,
                section);
    }
}
