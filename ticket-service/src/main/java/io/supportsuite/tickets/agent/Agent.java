package io.supportsuite.tickets.agent;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/** A person who works tickets; logs in with username and password (bcrypt) and has one {@link Role}. */
@Entity
@Table(name = "agent")
@UserDefinition
public class Agent extends PanacheEntityBase {

    /** What an agent may do: agents work tickets; supervisors also manage agents, teams, canned responses; admins everything. */
    public enum Role {
        AGENT, SUPERVISOR, ADMIN;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Role> parse(String value) {
            return value == null ? Optional.empty()
                    : Arrays.stream(values()).filter(r -> r.wire().equals(value.trim().toLowerCase(Locale.ROOT))).findFirst();
        }
    }

    /** Role names as {@code @RolesAllowed} sees them. */
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    @Id
    public UUID id;

    @Username
    public String username;

    public String name;

    public String email;

    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    /** A {@link Role#wire()} name. */
    @Roles
    public String role;

    @Column(name = "created_at")
    public Instant createdAt;
}
