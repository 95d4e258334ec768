package example.cli;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;

/** A program whose thread blocks in a read that no one ever feeds: refguard cannot schedule it. */
public final class BlockingRead {

    private BlockingRead() {}

    public static void main(String[] args) throws IOException {
        try (PipedOutputStream out = new PipedOutputStream();
                PipedInputStream in = new PipedInputStream(out)) {
            System.out.println("reading ...");
            in.read();
        }
    }
}
