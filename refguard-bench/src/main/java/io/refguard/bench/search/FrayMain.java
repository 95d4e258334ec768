package io.refguard.bench.search;

/**
 * The corpus as plain {@code main} programs, for running another tool's scheduler (Fray) on the
 * same programs: {@code -Drefguard.program=NAME -Drefguard.variant=buggy|fixed} selects one, which
 * runs once on plain threads ({@link io.refguard.explore.Scenario#runUncontrolled()}) and throws
 * when it fails. {@code --list} prints the names of the programs that run this way. Invariants are
 * checked at the end of the run only, and snapshot checks not at all.
 */
public final class FrayMain {

    private FrayMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--list")) {
            for (Program p : Corpus.all()) {
                System.out.println(p.name() + " " + p.expected());
            }
            return;
        }
        String name = System.getProperty("refguard.program");
        String variant = System.getProperty("refguard.variant", "buggy");
        if (name == null || !(variant.equals("buggy") || variant.equals("fixed"))) {
            System.err.println(
                    "usage: java -Drefguard.program=NAME [-Drefguard.variant=buggy|fixed] "
                            + FrayMain.class.getName()
                            + ", or --list");
            System.exit(2);
        }
        Program program =
                Corpus.all().stream()
                        .filter(p -> p.name().equals(name))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "no program named "
                                                        + name
                                                        + "; --list prints them"));
        program.builder().build(variant.equals("fixed")).runUncontrolled();
    }
}
