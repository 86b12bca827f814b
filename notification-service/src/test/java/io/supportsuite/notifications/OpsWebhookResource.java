package io.supportsuite.notifications;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the {@link OpsWebhookReceiver} and points the service's ops and manager webhooks at it. */
public class OpsWebhookResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the running receiver. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Receiver {
    }

    private OpsWebhookReceiver receiver;

    @Override
    public Map<String, String> start() {
        receiver = OpsWebhookReceiver.start();
        // The manager sink (escalations) is the same receiver; its posts carry the escalation's Idempotency-Key.
        return Map.of("notifications.alerts.webhook-url", receiver.url(),
                "notifications.alerts.manager-webhook-url", receiver.url());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(receiver, new TestInjector.AnnotatedAndMatchesType(Receiver.class, OpsWebhookReceiver.class));
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }
}
