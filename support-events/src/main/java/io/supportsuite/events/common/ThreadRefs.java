package io.supportsuite.events.common;

import java.util.List;

/**
 * Where a message sits in its conversation (rule C3): the e-mail Message-ID chain, or the provider's
 * conversation id (chat session, social thread, call SID).
 */
public record ThreadRefs(String messageId, String inReplyTo, List<String> references, String conversationId) {
}
