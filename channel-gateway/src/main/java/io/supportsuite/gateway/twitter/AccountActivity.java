package io.supportsuite.gateway.twitter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.supportsuite.events.Channels;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.inbound.Attachment;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.webhook.Identities;
import io.supportsuite.gateway.webhook.InboundItem;
import io.supportsuite.gateway.webhook.JsonBody;

/**
 * An X Account Activity event for the subscribed account ({@code for_user_id}): direct messages
 * ({@code direct_message_events[]}, type {@code message_create}) and mentions / replies
 * ({@code tweet_create_events[]}) become customer messages; the account's own DMs and posts, and every other
 * activity (likes, follows, typing), are ignored. Dedup ids: {@code dm:<event id>}, {@code tweet:<id>}.
 */
public final class AccountActivity {

    private final JsonBody body = new JsonBody();
    private final List<InboundItem> items = new ArrayList<>();
    private String account;
    private JsonNode users;

    private AccountActivity() {
    }

    public static List<InboundItem> read(JsonNode activity) {
        return new AccountActivity().collect(activity);
    }

    private List<InboundItem> collect(JsonNode activity) {
        account = body.required(activity, "for_user_id", "for_user_id");
        users = activity.path("users");
        List<JsonNode> dms = body.array(activity, "direct_message_events", "direct_message_events", false);
        for (int i = 0; i < dms.size(); i++) {
            directMessage(dms.get(i), "direct_message_events[" + i + "]");
        }
        List<JsonNode> tweets = body.array(activity, "tweet_create_events", "tweet_create_events", false);
        for (int i = 0; i < tweets.size(); i++) {
            tweet(tweets.get(i), "tweet_create_events[" + i + "]");
        }
        body.check();
        return items.isEmpty() ? List.of(new InboundItem.Ignored("no-messages")) : List.copyOf(items);
    }

    private void directMessage(JsonNode event, String path) {
        if (!"message_create".equals(event.path("type").asText())) {
            items.add(new InboundItem.Ignored("not-a-message"));
            return;
        }
        String id = body.required(event, "id", path + ".id");
        Instant sentAt = body.instant(event, "created_timestamp", path + ".created_timestamp");
        JsonNode create = body.object(event, "message_create", path + ".message_create");
        String sender = create == null ? null : body.required(create, "sender_id", path + ".message_create.sender_id");
        JsonNode data = create == null ? null : body.object(create, "message_data", path + ".message_create.message_data");
        String text = data == null ? null : body.optional(data, "text", path + ".message_create.message_data.text");
        if (body.hasErrors()) {
            return;
        }
        if (sender.equals(account)) {
            items.add(new InboundItem.Ignored("own-message"));
            return;
        }
        List<Attachment> attachments = new ArrayList<>();
        JsonNode media = data.path("attachment").path("media");
        if (media.has("media_url_https")) {
            attachments.add(new Attachment(media.path("type").asText("photo"), "image/*", 0, media.path("media_url_https").asText()));
        }
        JsonNode user = users.path(sender);
        MessageReceived message = new MessageReceived(Channels.X, "dm:" + id, new ThreadRefs(id, null, List.of(), "dm:" + sender),
                Identities.social(Channels.X, sender, user.path("name").asText(null)), List.of(account), null, text, null,
                List.copyOf(attachments), user.path("lang").asText(null), null, false, sentAt);
        items.add(new InboundItem.Message(Channels.X + ":dm:" + sender, message));
    }

    private void tweet(JsonNode tweet, String path) {
        String id = body.required(tweet, "id_str", path + ".id_str");
        String text = body.required(tweet, "text", path + ".text");
        JsonNode user = body.object(tweet, "user", path + ".user");
        String author = user == null ? null : body.required(user, "id_str", path + ".user.id_str");
        Instant sentAt = body.instant(tweet, "timestamp_ms", path + ".timestamp_ms");
        if (body.hasErrors()) {
            return;
        }
        if (author.equals(account)) {
            items.add(new InboundItem.Ignored("own-message"));
            return;
        }
        String inReplyTo = tweet.path("in_reply_to_status_id_str").asText(null);
        String thread = inReplyTo != null ? inReplyTo : id;
        MessageReceived message = new MessageReceived(Channels.X, "tweet:" + id,
                new ThreadRefs(id, inReplyTo, List.of(), "tweet:" + thread),
                Identities.social(Channels.X, author, user.path("name").asText(null)), List.of(account), null, text, null,
                List.of(), tweet.path("lang").asText(null), null, false, sentAt);
        items.add(new InboundItem.Message(Channels.X + ":tweet:" + thread, message));
    }
}
