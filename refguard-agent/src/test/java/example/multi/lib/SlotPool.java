package example.multi.lib;

import java.util.ArrayDeque;

/**
 * A small bounded pool in a library package of its own: {@code take} waits on the pool's monitor
 * while it is empty. A program that takes from two pools in opposite orders on two threads can
 * deadlock inside this class.
 */
public final class SlotPool {
    private final String name;
    private final ArrayDeque<Slot> free = new ArrayDeque<>();

    public SlotPool(String name, int size) {
        this.name = name;
        for (int i = 0; i < size; i++) {
            free.add(new Slot(i));
        }
    }

    public synchronized int take() throws InterruptedException {
        while (free.isEmpty()) {
            wait();
        }
        return free.poll().index;
    }

    public synchronized void give(int index) {
        free.add(new Slot(index));
        notifyAll();
    }

    @Override
    public String toString() {
        return name;
    }
}
