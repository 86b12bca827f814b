package io.supportsuite.gateway.review;

import java.time.Instant;
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
 * A review from a review platform: {@code platform}, {@code reviewId}, {@code rating} 1–5, {@code text},
 * {@code author} ({@code id}, {@code name}), {@code url}, {@code language}, {@code createdAt}, {@code flagged}.
 * R7: a rating at or below the threshold, or a flagged review, is marked negative (answered first). A review
 * is answered and never deleted, so an edit of the same review is a duplicate, not a second ticket.
 */
public final class Reviews {

    private Reviews() {
    }

    public static List<InboundItem> read(JsonNode review, int negativeAtOrBelow) {
        JsonBody body = new JsonBody();
        String platform = body.required(review, "platform", "platform");
        String reviewId = body.required(review, "reviewId", "reviewId");
        JsonNode ratingNode = JsonBody.present(review, "rating");
        Integer rating = null;
        if (ratingNode == null) {
            body.error("rating", "is required");
        } else if (!ratingNode.canConvertToInt() || !ratingNode.isIntegralNumber() || ratingNode.asInt() < 1 || ratingNode.asInt() > 5) {
            body.error("rating", "must be a whole number from 1 to 5");
        } else {
            rating = ratingNode.asInt();
        }
        String text = body.optional(review, "text", "text");
        JsonNode author = body.object(review, "author", "author");
        String authorName = author == null ? null : body.optional(author, "name", "author.name");
        String authorId = author == null ? null : body.optional(author, "id", "author.id");
        if (author != null && authorId == null && authorName == null) {
            body.error("author", "needs an id or a name");
        }
        Instant createdAt = body.instant(review, "createdAt", "createdAt");
        body.check();
        String network = platform.toLowerCase();
        boolean negative = rating <= negativeAtOrBelow || review.path("flagged").asBoolean(false);
        String id = network + ":" + reviewId;
        String url = review.path("url").asText(null);
        MessageReceived message = new MessageReceived(Channels.REVIEW, id, new ThreadRefs(id, null, List.of(), id),
                Identities.social(network, authorId != null ? authorId : authorName, authorName), List.of(),
                "Review on " + platform + ": " + rating + "/5", text, null,
                url == null ? List.of() : List.of(new Attachment("review", "text/html", 0, url)), review.path("language").asText(null),
                rating, negative, createdAt);
        return List.of(new InboundItem.Message(Channels.REVIEW + ":" + id, message));
    }
}
