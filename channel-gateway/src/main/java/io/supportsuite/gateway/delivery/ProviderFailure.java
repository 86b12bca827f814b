package io.supportsuite.gateway.delivery;

/**
 * A provider's send API refused or failed one message. Permanent when retrying cannot help (the provider said
 * the request or recipient is wrong); transient for rate limits, server errors and unreachable providers.
 */
public class ProviderFailure extends RuntimeException {

    private final boolean permanent;

    public ProviderFailure(boolean permanent, String reason) {
        super(reason);
        this.permanent = permanent;
    }

    /** HTTP status semantics every send API shares: 408, 429 and 5xx are worth retrying, other 4xx are not. */
    public static ProviderFailure ofStatus(int status, String reason) {
        return new ProviderFailure(!(status == 408 || status == 429 || status >= 500), "HTTP " + status + ": " + reason);
    }

    public static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProviderFailure provider) {
                return provider.permanent;
            }
        }
        return false;
    }

    public static String describe(Throwable failure) {
        return failure instanceof ProviderFailure ? failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
