package io.refguard.netty;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;

/**
 * Installs refguard's checker as Netty's leak detector.
 *
 * <p>Netty builds the detector for its buffers once, when the first buffer class initializes.
 * Either name refguard's before that with the system property {@code
 * -Dio.netty.customResourceLeakDetector=io.refguard.netty.RefGuardLeakDetector} (no code change: in
 * Maven, surefire's {@code systemPropertyVariables}), or call {@link #install()} first thing,
 * before any buffer is allocated.
 */
public final class RefGuardNetty {

    /** The system property Netty reads to pick a custom detector class. */
    public static final String PROPERTY = "io.netty.customResourceLeakDetector";

    private RefGuardNetty() {}

    /**
     * Makes refguard Netty's leak detector and checks that Netty's buffers use it.
     *
     * @throws IllegalStateException when Netty had already built its buffers' detector (a buffer
     *     class was used before this call); the message says how to install earlier
     */
    public static synchronized void install() {
        if (!RefGuardLeakDetector.installedForByteBuf()) {
            ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new Factory());
        }
        try {
            // builds Netty's buffer detector now, through the factory just set, unless it exists
            // already
            Class.forName(
                    "io.netty.buffer.AbstractByteBuf", true, RefGuardNetty.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "refguard: netty-buffer is not on the class path; add"
                            + " io.netty:netty-buffer (4.2) to use refguard-netty",
                    e);
        }
        if (!isInstalled()) {
            throw new IllegalStateException(
                    "refguard: Netty built its buffer leak detector before"
                            + " RefGuardNetty.install() ran, so buffers are not checked. Call install() before the first"
                            + " ByteBuf is used (say, in a static initializer of the test class), or start the JVM with -D"
                            + PROPERTY
                            + "="
                            + RefGuardLeakDetector.class.getName());
        }
    }

    /** Whether Netty's buffers report to refguard in this JVM. */
    public static boolean isInstalled() {
        return RefGuardLeakDetector.installedForByteBuf();
    }

    /** Builds refguard detectors for every resource type Netty tracks. */
    private static final class Factory extends ResourceLeakDetectorFactory {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(
                Class<T> resource, int samplingInterval) {
            return new RefGuardLeakDetector<>(resource, samplingInterval);
        }

        @Override
        @Deprecated
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(
                Class<T> resource, int samplingInterval, long maxActive) {
            return new RefGuardLeakDetector<>(resource, samplingInterval);
        }
    }
}
