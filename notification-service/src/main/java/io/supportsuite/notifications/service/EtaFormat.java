package io.supportsuite.notifications.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Writes a promised deadline for a customer (N1): in the customer's time zone, and never earlier than the
 * deadline itself — a deadline with seconds is shown as the next whole minute, so the ETA under-promises.
 */
public final class EtaFormat {

    private final DateTimeFormatter formatter;
    private final ZoneId fallbackZone;

    public EtaFormat(String pattern, String fallbackZone) {
        this.formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        this.fallbackZone = ZoneId.of(fallbackZone);
    }

    public String format(Instant deadline, String timeZone) {
        Instant shown = deadline.truncatedTo(ChronoUnit.MINUTES);
        if (shown.isBefore(deadline)) {
            shown = shown.plus(1, ChronoUnit.MINUTES);
        }
        return formatter.format(shown.atZone(zoneOf(timeZone)));
    }

    /** The customer's zone, or the fallback when it is missing or not a zone id this JVM knows. */
    public ZoneId zoneOf(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return fallbackZone;
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            return fallbackZone;
        }
    }
}
