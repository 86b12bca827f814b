package io.supportsuite.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Samples a service's RSS every second and keeps the highest. */
final class RssSampler implements AutoCloseable {

    private final AtomicReference<ServiceControl> service;
    private final AtomicLong max = new AtomicLong();
    private final Thread thread;
    private volatile boolean sampling = true;

    RssSampler(ServiceControl service) {
        this.service = new AtomicReference<>(service);
        this.thread = new Thread(this::sample, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void follow(ServiceControl restarted) {
        service.set(restarted);
    }

    long maxMiB() {
        return max.get();
    }

    long nowMiB() {
        return service.get().rssMiB();
    }

    private void sample() {
        while (sampling) {
            max.accumulateAndGet(service.get().rssMiB(), Math::max);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        sampling = false;
        thread.interrupt();
        thread.join();
    }
}
