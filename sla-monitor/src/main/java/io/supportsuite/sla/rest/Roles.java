package io.supportsuite.sla.rest;

/** The roles the management API knows (users and passwords: application.properties). */
public final class Roles {

    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
