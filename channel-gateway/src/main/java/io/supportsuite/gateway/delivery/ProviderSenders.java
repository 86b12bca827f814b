package io.supportsuite.gateway.delivery;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** The send API of each channel that has one (every {@link ProviderSender} bean), by channel name. */
@ApplicationScoped
public class ProviderSenders {

    private final Map<String, ProviderSender> byChannel;

    public ProviderSenders(Instance<ProviderSender> senders) {
        this.byChannel = senders.stream().collect(Collectors.toUnmodifiableMap(ProviderSender::channel, Function.identity()));
    }

    public Optional<ProviderSender> forChannel(String channel) {
        return Optional.ofNullable(channel == null ? null : byChannel.get(channel));
    }
}
