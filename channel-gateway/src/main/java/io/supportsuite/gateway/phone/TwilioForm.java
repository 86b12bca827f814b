package io.supportsuite.gateway.phone;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import io.supportsuite.gateway.webhook.FormBody;
import io.supportsuite.gateway.webhook.Hmac;
import io.supportsuite.gateway.webhook.WebhookRejection;

/**
 * A Twilio-style callback: {@code application/x-www-form-urlencoded} parameters, signed
 * {@value #HEADER} = base64 HMAC-SHA1(auth token, the full URL + every parameter name and value, sorted by name).
 */
public final class TwilioForm {

    public static final String HEADER = "X-Twilio-Signature";

    private TwilioForm() {
    }

    /** The parameters, sorted by name (the order the signature uses). @throws WebhookRejection 400 on bad encoding */
    public static TreeMap<String, String> parse(byte[] body) {
        return FormBody.parse(body);
    }

    public static String sign(String authToken, String url, Map<String, String> sortedParams) {
        StringBuilder data = new StringBuilder(url);
        sortedParams.forEach((name, value) -> data.append(name).append(value));
        return Hmac.sha1Base64(authToken, data.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws WebhookRejection 401 when {@code signature} is missing or does not sign this URL and these parameters */
    public static void verify(String authToken, String url, Map<String, String> sortedParams, String signature) {
        if (!Hmac.same(sign(authToken, url, sortedParams), signature)) {
            throw WebhookRejection.badSignature("The " + HEADER + " header is missing or does not sign this URL and these parameters");
        }
    }
}
