package io.refguard.netty.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.refguard.junit.RefGuardLeakCheck;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An example Netty test under refguard: nothing in it mentions refguard but the annotation. Every
 * pooled buffer it allocates is tracked for the length of the test, and the test would fail, naming
 * the line, if one were left unreleased, released twice or read after its release.
 */
@RefGuardLeakCheck
class PooledAllocatorExampleTest {

    private final PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;

    @Test
    void framesAMessageAndReleasesEveryBuffer() {
        ByteBuf header = alloc.directBuffer(4);
        ByteBuf body = alloc.heapBuffer(32);
        body.writeCharSequence("hello", StandardCharsets.US_ASCII);
        header.writeInt(body.readableBytes());
        CompositeByteBuf frame = alloc.compositeBuffer();
        frame.addComponents(true, header, body); // the frame now owns both
        ByteBuf view = frame.retainedSlice(4, 5);
        try {
            assertEquals("hello", view.toString(StandardCharsets.US_ASCII));
        } finally {
            view.release();
            frame.release();
        }
    }
}
