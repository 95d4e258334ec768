package io.refguard.explore.dogfood;

import io.refguard.CheckMode;
import io.refguard.RefGuard;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class with every reference-counted object tracked. The default mode tracks a random
 * sample of objects, so two runs of one schedule could take different code paths: the explorer
 * rejects such a scenario as not deterministic.
 */
final class TrackedMode implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        RefGuard.setMode(CheckMode.TRACKED);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RefGuard.resetToDefaults();
    }
}
