package io.supportsuite.gateway.email;

import io.vertx.ext.mail.SMTPException;

/**
 * Which SMTP failures retrying can help. A 5xx reply (no such mailbox, policy refusal) or an address the
 * client refuses to send to is permanent; 4xx replies, refused connections and time-outs are transient.
 */
public final class SmtpFailures {

    private SmtpFailures() {
    }

    public static boolean isPermanent(Throwable failure) {
        if (root(failure) instanceof SMTPException smtp) {
            return smtp.isPermanent();
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    public static String describe(Throwable failure) {
        Throwable cause = root(failure);
        if (cause instanceof SMTPException smtp) {
            return "SMTP " + smtp.getReplyCode() + ": " + smtp.getReplyMessage();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static Throwable root(Throwable failure) {
        Throwable t = failure;
        while (!(t instanceof SMTPException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
