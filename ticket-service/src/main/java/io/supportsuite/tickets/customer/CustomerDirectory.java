package io.supportsuite.tickets.customer;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.common.Identity;
import io.supportsuite.tickets.config.TicketsConfig;

/**
 * Finds the customer behind an identity, or creates one (C2: one customer per e-mail address, lower-cased).
 * Runs inside the caller's transaction.
 */
@ApplicationScoped
public class CustomerDirectory {

    /** A customer with the identity a message came from. */
    public record Contact(Customer customer, CustomerIdentity identity) {
    }

    private final TicketsConfig config;

    public CustomerDirectory(TicketsConfig config) {
        this.config = config;
    }

    public Uni<Contact> findOrCreate(Identity sender, String localeHint, Instant now) {
        String kind = CustomerIdentity.normaliseKind(sender.kind());
        String value = CustomerIdentity.normaliseValue(kind, sender.value());
        return find(kind, value).chain(found -> found != null ? remember(found, sender) : create(kind, value, sender, localeHint, now));
    }

    /** The customer's identity of {@code kind} (their e-mail address, …), or null. */
    public Uni<CustomerIdentity> identityOf(UUID customerId, String kind) {
        return CustomerIdentity.<CustomerIdentity>find("customerId = ?1 and kind = ?2 order by createdAt", customerId, kind)
                .firstResult();
    }

    private Uni<Contact> find(String kind, String value) {
        return CustomerIdentity.<CustomerIdentity>find("kind = ?1 and value = ?2", kind, value).firstResult()
                .chain(identity -> identity == null ? Uni.createFrom().nullItem()
                        : Customer.<Customer>findById(identity.customerId).map(c -> new Contact(c, identity)));
    }

    /** A name learnt later fills a gap; it never overwrites what is known. */
    private static Uni<Contact> remember(Contact contact, Identity sender) {
        String name = blankToNull(sender.displayName());
        if (name != null && contact.identity().displayName == null) {
            contact.identity().displayName = name;
        }
        if (name != null && contact.customer().name == null) {
            contact.customer().name = name;
        }
        return Uni.createFrom().item(contact);
    }

    private Uni<Contact> create(String kind, String value, Identity sender, String localeHint, Instant now) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.name = blankToNull(sender.displayName());
        customer.locale = blankToNull(localeHint);
        customer.createdAt = now;
        customer.segment = config.customer().segment();
        UUID identityId = UUID.randomUUID();
        // Another consumer may be creating the same identity right now: the unique (kind, value) decides, and
        // the loser drops its customer and uses the winner's.
        return customer.persistAndFlush()
                .chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                        "INSERT INTO customer_identity (id, customer_id, kind, value, network, display_name, created_at) "
                                + "VALUES (:id, :customer, :kind, :value, :network, :name, :at) ON CONFLICT (kind, value) DO NOTHING")
                        .setParameter("id", identityId)
                        .setParameter("customer", customer.id)
                        .setParameter("kind", kind)
                        .setParameter("value", value)
                        .setParameter("network", blankToNull(sender.network()))
                        .setParameter("name", customer.name)
                        .setParameter("at", now)
                        .executeUpdate())
                .chain(inserted -> inserted == 1 ? find(kind, value)
                        : customer.delete().chain(() -> find(kind, value)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
