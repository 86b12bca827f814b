package io.supportsuite.events;

/** Channel names as they appear in events (rule C1). */
public final class Channels {

    public static final String EMAIL = "email";
    public static final String CHAT = "chat";
    public static final String FACEBOOK = "facebook";
    public static final String INSTAGRAM = "instagram";
    public static final String WHATSAPP = "whatsapp";
    public static final String TELEGRAM = "telegram";
    public static final String X = "x";
    public static final String VOICE = "voice";
    public static final String SMS = "sms";
    public static final String WEB_FORM = "web_form";
    public static final String REVIEW = "review";
    public static final String GENERIC = "generic";

    private Channels() {
    }
}
