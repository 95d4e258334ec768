package example.multi.lib;

import example.multi.app.Item;
import java.util.ArrayList;
import java.util.List;

/**
 * A library class whose signature names a type of the program ({@link Item}): if the program and
 * the library were defined by different loaders, each resolving {@code Item} on its own, calling
 * {@link #register} would fail with a loader-constraint {@code LinkageError}.
 */
public final class Registry {
    private final List<Item> items = new ArrayList<>();

    public synchronized void register(Item item) {
        items.add(item);
    }

    public synchronized int size() {
        return items.size();
    }
}
