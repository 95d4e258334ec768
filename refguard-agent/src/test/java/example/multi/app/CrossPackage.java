package example.multi.app;

import example.multi.lib.Registry;

/**
 * Two threads register program objects with a library class whose signature names a program type;
 * asserts that the library and the program were defined by one loader.
 */
public class CrossPackage {
    public static void main(String[] args) throws InterruptedException {
        assert Registry.class.getClassLoader() == CrossPackage.class.getClassLoader()
                : "library defined by "
                        + Registry.class.getClassLoader()
                        + ", program by "
                        + CrossPackage.class.getClassLoader();
        Registry registry = new Registry();
        Thread a = new Thread(() -> registry.register(new Item("a")));
        Thread b = new Thread(() -> registry.register(new Item("b")));
        a.start();
        b.start();
        a.join();
        b.join();
        assert registry.size() == 2 : "registered " + registry.size();
    }
}
