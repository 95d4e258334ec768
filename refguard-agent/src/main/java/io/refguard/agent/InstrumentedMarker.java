package io.refguard.agent;

import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;

/**
 * An empty, non-standard class attribute that marks a class file as already instrumented, so a
 * class defined by an {@link InstrumentingClassLoader} while the agent is also active is not
 * instrumented twice (which would double every scheduling point and duplicate helper methods). The
 * JVM ignores attributes it does not know (JVMS 4.7.1); reflection does not show them.
 */
final class InstrumentedMarker extends Attribute {

    static final String NAME = "io.refguard.agent.Instrumented";

    InstrumentedMarker() {
        super(NAME);
    }

    @Override
    protected Attribute read(
            ClassReader reader,
            int offset,
            int length,
            char[] charBuffer,
            int codeAttributeOffset,
            Label[] labels) {
        return new InstrumentedMarker();
    }

    @Override
    protected ByteVector write(
            ClassWriter writer, byte[] code, int codeLength, int maxStack, int maxLocals) {
        return new ByteVector();
    }
}
