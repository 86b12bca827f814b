package io.supportsuite.tickets.api;

import java.util.List;

/** The channels (email, chat, voice, ...) and languages (en, hy, ...) an agent handles; an empty list means any. */
public record SkillsRequest(List<String> channels, List<String> languages) {
}
