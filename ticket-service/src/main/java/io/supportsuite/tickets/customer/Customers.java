package io.supportsuite.tickets.customer;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.api.CustomerRequest;
import io.supportsuite.tickets.api.CustomerView;
import io.supportsuite.tickets.api.IdentityRequest;
import io.supportsuite.tickets.service.Problems;

/** Customers as agents see and keep them (C2): their identities, segment (R6 VIP) and personal agent; linking an identity. */
@ApplicationScoped
public class Customers {

    static final List<String> SEGMENTS = List.of("standard", "vip");
    static final String PHONE = "phone";
    private static final String E164 = "\\+[1-9][0-9]{6,14}";

    private final Clock clock;

    public Customers(Clock clock) {
        this.clock = clock;
    }

    /** The customer, or null. */
    public Uni<CustomerView> get(UUID id) {
        return Panache.withSession(() -> Customer.<Customer>findById(id).chain(c -> c == null ? Uni.createFrom().nullItem() : view(c)));
    }

    /** Name, segment and personal agent; null when there is no such customer. */
    public Uni<CustomerView> update(UUID id, CustomerRequest request) {
        String segment = request == null || Problems.blank(request.segment()) ? null : request.segment().trim().toLowerCase(Locale.ROOT);
        UUID personal = Problems.optionalId(request == null ? null : request.personalAgentId(), "personalAgentId");
        Problems.validate().check(segment == null || SEGMENTS.contains(segment), "segment", "one of " + SEGMENTS).orFail();
        return Panache.withTransaction(() -> Customer.<Customer>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(c -> {
            if (c == null) {
                return Uni.createFrom().<CustomerView>nullItem();
            }
            return (personal == null ? Uni.createFrom().<Agent>nullItem() : Agent.<Agent>findById(personal).onItem().ifNull()
                    .failWith(() -> ProblemException.invalidField("personalAgentId", "no such agent"))).chain(agent -> {
                        if (request != null && !Problems.blank(request.name())) {
                            c.name = request.name().trim();
                        }
                        if (segment != null) {
                            c.segment = segment;
                        }
                        c.personalAgentId = personal;
                        return view(c);
                    });
        }));
    }

    /** Links an identity to the customer (C2: e-mail lower-cased, phone in E.164); 409 when another customer has it. */
    public Uni<CustomerView> link(UUID customerId, IdentityRequest request) {
        String kind = request == null ? null : CustomerIdentity.normaliseKind(request.kind());
        String value = request == null ? null : normalise(kind, request.value());
        Problems.validate().check(!Problems.blank(kind), "kind", "must not be blank")
                .check(!Problems.blank(value), "value", "must not be blank")
                .check(!PHONE.equals(kind) || value == null || value.matches(E164), "value", "a phone number in E.164, like +37410123456")
                .orFail();
        return Panache.withTransaction(() -> Customer.<Customer>findById(customerId, LockModeType.PESSIMISTIC_WRITE).chain(c -> {
            if (c == null) {
                return Uni.createFrom().<CustomerView>nullItem();
            }
            if (c.mergedInto != null) {
                throw ProblemException.conflict("customer-merged", "Customer " + c.id + " was merged into " + c.mergedInto);
            }
            return CustomerIdentity.<CustomerIdentity>find("kind = ?1 and value = ?2", kind, value).firstResult().chain(existing -> {
                if (existing != null && !existing.customerId.equals(c.id)) {
                    throw ProblemException.conflict("identity-taken", "The " + kind + " " + value + " belongs to customer "
                            + existing.customerId + "; merge the customers instead");
                }
                if (existing != null) {
                    return view(c);
                }
                CustomerIdentity identity = new CustomerIdentity();
                identity.id = UUID.randomUUID();
                identity.customerId = c.id;
                identity.kind = kind;
                identity.value = value;
                identity.network = Problems.blank(request.network()) ? null : request.network().trim();
                identity.displayName = Problems.blank(request.displayName()) ? null : request.displayName().trim();
                identity.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                Log.infof("Identity %s %s linked to customer %s", kind, value, c.id);
                return identity.persistAndFlush().chain(() -> view(c));
            });
        }));
    }

    /** As stored: e-mail lower-cased, a phone number without spaces, dashes, dots or brackets. */
    static String normalise(String kind, String value) {
        String v = CustomerIdentity.normaliseValue(kind, value);
        return v != null && PHONE.equals(kind) ? v.replaceAll("[\\s().-]", "") : v;
    }

    /** In the caller's session. */
    static Uni<CustomerView> view(Customer c) {
        return CustomerIdentity.<CustomerIdentity>list("customerId = ?1 order by createdAt", c.id).map(ids -> new CustomerView(c.id.toString(),
                c.name, c.locale, c.timeZone, c.segment, text(c.personalAgentId), text(c.mergedInto),
                ids.stream().map(i -> new CustomerView.IdentityView(i.id.toString(), i.kind, i.value, i.network, i.displayName)).toList(),
                c.createdAt));
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
