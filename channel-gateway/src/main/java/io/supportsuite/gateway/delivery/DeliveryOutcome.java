package io.supportsuite.gateway.delivery;

/** How one outbound message ended: sent (with the provider's message id) or failed, permanently or not. */
public record DeliveryOutcome(boolean succeeded, boolean permanent, String reason, int attempts, String providerMessageId) {

    public static DeliveryOutcome succeeded(String providerMessageId, int attempts) {
        return new DeliveryOutcome(true, false, null, attempts, providerMessageId);
    }

    public static DeliveryOutcome failed(boolean permanent, String reason, int attempts) {
        return new DeliveryOutcome(false, permanent, reason, attempts, null);
    }
}
