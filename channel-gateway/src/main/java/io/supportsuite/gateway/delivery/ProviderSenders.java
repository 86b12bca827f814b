package io.supportsuite.gateway.delivery;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** The send API of each channel that has one (every {@link ProviderSender} bean), by channel name. */
@ApplicationScoped
public class ProviderSenders {

    private final Map<String, ProviderSender> byChannel;

    public ProviderSenders(Instance<ProviderSender> senders) {
        Map<String, ProviderSender> map = new java.util.HashMap<>();
        senders.forEach(sender -> sender.channels().forEach(channel -> map.put(channel, sender)));
        this.byChannel = Map.copyOf(map);
    }

    public Optional<ProviderSender> forChannel(String channel) {
        return Optional.ofNullable(channel == null ? null : byChannel.get(channel));
    }
}
