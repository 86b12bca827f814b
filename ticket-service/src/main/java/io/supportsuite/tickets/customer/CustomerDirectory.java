package io.supportsuite.tickets.customer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.common.Identity;
import io.supportsuite.tickets.config.TicketsConfig;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Finds the customer behind an identity, or creates one (C2: one customer per e-mail address, lower-cased).
 * Runs inside the caller's transaction.
 */
@ApplicationScoped
public class CustomerDirectory {

    /** A customer with the identity a message came from. */
    public record Contact(Customer customer, CustomerIdentity identity) {
    }

    /** An identity as stored: kind and value normalised (C2). */
    public record Key(String kind, String value) {
        public static Key of(Identity identity) {
            String kind = CustomerIdentity.normaliseKind(identity.kind());
            return new Key(kind, CustomerIdentity.normaliseValue(kind, identity.value()));
        }
    }

    /** Who wrote a message of a batch, and the locale the message hinted. */
    public record Sender(Identity identity, String localeHint) {
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

    /**
     * The batch form of {@link #findOrCreate}, with a few statements for all senders on {@code connection} (in
     * its transaction): finds the known ones, fills name gaps, creates the others. Same rules: one customer per
     * identity, a concurrent creator of the same identity wins and its customer is used.
     */
    public Uni<Map<Key, Contact>> findOrCreateAll(SqlConnection connection, List<Sender> senders, Instant now) {
        Map<Key, Sender> wanted = new LinkedHashMap<>();
        for (Sender sender : senders) {
            wanted.merge(Key.of(sender.identity()), sender,
                    (first, later) -> blankToNull(first.identity().displayName()) == null ? later : first);
        }
        return findAll(connection, wanted.keySet()).chain(found -> rememberAll(connection, found, wanted)
                .chain(() -> {
                    Map<Key, Sender> missing = new LinkedHashMap<>(wanted);
                    missing.keySet().removeAll(found.keySet());
                    return createAll(connection, missing, now);
                })
                .map(created -> {
                    found.putAll(created);
                    return found;
                }));
    }

    private static Uni<Map<Key, Contact>> findAll(SqlConnection connection, Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return connection.preparedQuery("""
                SELECT ci.id, ci.kind, ci.value, ci.network, ci.display_name, ci.created_at,
                       c.id, c.name, c.locale, c.time_zone, c.segment, c.created_at
                FROM unnest($1::text[], $2::text[]) AS k(kind, value)
                JOIN customer_identity ci ON ci.kind = k.kind AND ci.value = k.value
                JOIN customer c ON c.id = ci.customer_id""")
                .execute(Tuple.of(keys.stream().map(Key::kind).toArray(String[]::new),
                        keys.stream().map(Key::value).toArray(String[]::new)))
                .map(rows -> {
                    Map<Key, Contact> found = new HashMap<>();
                    for (Row row : rows) {
                        Contact contact = contact(row);
                        found.put(new Key(contact.identity().kind, contact.identity().value), contact);
                    }
                    return found;
                });
    }

    private static Contact contact(Row row) {
        CustomerIdentity identity = new CustomerIdentity();
        identity.id = row.getUUID(0);
        identity.kind = row.getString(1);
        identity.value = row.getString(2);
        identity.network = row.getString(3);
        identity.displayName = row.getString(4);
        identity.createdAt = row.getOffsetDateTime(5).toInstant();
        Customer customer = new Customer();
        customer.id = row.getUUID(6);
        customer.name = row.getString(7);
        customer.locale = row.getString(8);
        customer.timeZone = row.getString(9);
        customer.segment = row.getString(10);
        customer.createdAt = row.getOffsetDateTime(11).toInstant();
        identity.customerId = customer.id;
        return new Contact(customer, identity);
    }

    /** As {@link #remember}: a name learnt later fills a gap, never overwrites. */
    private static Uni<Void> rememberAll(SqlConnection connection, Map<Key, Contact> found, Map<Key, Sender> wanted) {
        List<UUID> customers = new ArrayList<>(), identities = new ArrayList<>();
        List<String> customerNames = new ArrayList<>(), identityNames = new ArrayList<>();
        for (Map.Entry<Key, Contact> entry : found.entrySet()) {
            String name = blankToNull(wanted.get(entry.getKey()).identity().displayName());
            Contact contact = entry.getValue();
            if (name != null && contact.identity().displayName == null) {
                contact.identity().displayName = name;
                identities.add(contact.identity().id);
                identityNames.add(name);
            }
            if (name != null && contact.customer().name == null) {
                contact.customer().name = name;
                customers.add(contact.customer().id);
                customerNames.add(name);
            }
        }
        Uni<Void> work = Uni.createFrom().voidItem();
        if (!customers.isEmpty()) {
            work = work.chain(() -> connection.preparedQuery("UPDATE customer c SET name = v.name "
                    + "FROM unnest($1::uuid[], $2::text[]) AS v(id, name) WHERE c.id = v.id AND c.name IS NULL")
                    .execute(Tuple.of(customers.toArray(UUID[]::new), customerNames.toArray(String[]::new))).replaceWithVoid());
        }
        if (!identities.isEmpty()) {
            work = work.chain(() -> connection.preparedQuery("UPDATE customer_identity i SET display_name = v.name "
                    + "FROM unnest($1::uuid[], $2::text[]) AS v(id, name) WHERE i.id = v.id AND i.display_name IS NULL")
                    .execute(Tuple.of(identities.toArray(UUID[]::new), identityNames.toArray(String[]::new))).replaceWithVoid());
        }
        return work;
    }

    private Uni<Map<Key, Contact>> createAll(SqlConnection connection, Map<Key, Sender> missing, Instant now) {
        if (missing.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        int n = missing.size();
        UUID[] customerIds = new UUID[n], identityIds = new UUID[n];
        String[] names = new String[n], locales = new String[n], segments = new String[n], kinds = new String[n],
                values = new String[n], networks = new String[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        Map<UUID, Integer> position = new HashMap<>();
        int i = 0;
        for (Map.Entry<Key, Sender> entry : missing.entrySet()) {
            Identity sender = entry.getValue().identity();
            customerIds[i] = UUID.randomUUID();
            identityIds[i] = UUID.randomUUID();
            names[i] = blankToNull(sender.displayName());
            locales[i] = blankToNull(entry.getValue().localeHint());
            segments[i] = config.customer().segment();
            kinds[i] = entry.getKey().kind();
            values[i] = entry.getKey().value();
            networks[i] = blankToNull(sender.network());
            at[i] = now.atOffset(ZoneOffset.UTC);
            position.put(customerIds[i], i);
            i++;
        }
        // Another consumer may be creating one of these identities right now: the unique (kind, value) decides,
        // and for each identity lost, its customer is dropped and the winner's is used.
        return connection.preparedQuery("INSERT INTO customer (id, name, locale, segment, created_at) "
                + "SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])")
                .execute(Tuple.from(new Object[] { customerIds, names, locales, segments, at }))
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO customer_identity (id, customer_id, kind, value, network, display_name, created_at)
                        SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
                        ON CONFLICT (kind, value) DO NOTHING RETURNING customer_id""")
                        .execute(Tuple.from(new Object[] { identityIds, customerIds, kinds, values, networks, names, at })))
                .chain(won -> {
                    Map<Key, Contact> created = new HashMap<>();
                    won.forEach(row -> {
                        int p = position.get(row.getUUID(0));
                        created.put(new Key(kinds[p], values[p]), newContact(customerIds[p], identityIds[p], names[p], locales[p],
                                segments[p], kinds[p], values[p], networks[p], now));
                    });
                    Set<Key> lost = new HashSet<>(missing.keySet());
                    lost.removeAll(created.keySet());
                    if (lost.isEmpty()) {
                        return Uni.createFrom().item(created);
                    }
                    List<UUID> orphans = new ArrayList<>();
                    position.forEach((customer, p) -> {
                        if (lost.contains(new Key(kinds[p], values[p]))) {
                            orphans.add(customer);
                        }
                    });
                    return connection.preparedQuery("DELETE FROM customer WHERE id = ANY($1)")
                            .execute(Tuple.of(orphans.toArray(UUID[]::new)))
                            .chain(() -> findAll(connection, lost))
                            .map(winners -> {
                                created.putAll(winners);
                                return created;
                            });
                });
    }

    private static Contact newContact(UUID customerId, UUID identityId, String name, String locale, String segment, String kind,
            String value, String network, Instant now) {
        Customer customer = new Customer();
        customer.id = customerId;
        customer.name = name;
        customer.locale = locale;
        customer.segment = segment;
        customer.createdAt = now;
        CustomerIdentity identity = new CustomerIdentity();
        identity.id = identityId;
        identity.customerId = customerId;
        identity.kind = kind;
        identity.value = value;
        identity.network = network;
        identity.displayName = name;
        identity.createdAt = now;
        return new Contact(customer, identity);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
