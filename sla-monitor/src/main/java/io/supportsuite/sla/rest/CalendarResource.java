package io.supportsuite.sla.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.sla.calendar.IcsHolidays;
import io.supportsuite.sla.config.SlaConfig;
import io.supportsuite.sla.policy.CalendarDefinition;
import io.supportsuite.sla.policy.CalendarRow;
import io.supportsuite.sla.policy.PolicyRow;
import io.supportsuite.sla.policy.PolicySeeder;

/**
 * Business-hours calendars (R1), for supervisors and admins: time zone, weekly hours, holidays, and holidays
 * imported from an iCalendar file. A change applies to clocks started afterwards.
 */
@Path("/api/sla/calendars")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
public class CalendarResource {

    /** What an iCalendar import added, and the events it skipped with the reason. */
    public record HolidayImport(CalendarDefinition calendar, List<IcsHolidays.Holiday> imported, List<String> skipped) {
    }

    private final PolicySeeder seeder;
    private final SlaConfig config;
    private final Clock clock;

    public CalendarResource(PolicySeeder seeder, SlaConfig config, Clock clock) {
        this.seeder = seeder;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @WithSession
    public Uni<List<CalendarDefinition>> list() {
        return seeder.seeded().chain(() -> CalendarRow.<CalendarRow>list("order by name"))
                .map(rows -> rows.stream().map(CalendarRow::toDefinition).toList());
    }

    @GET
    @Path("{name}")
    @WithSession
    public Uni<CalendarDefinition> get(@PathParam("name") String name) {
        return find(name).map(CalendarRow::toDefinition);
    }

    /** Creates or replaces a calendar; 422 names a bad zone or hours. */
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<CalendarDefinition> put(@PathParam("name") String name, CalendarDefinition body) {
        if (CalendarDefinition.CALENDAR_TIME.equals(name)) {
            throw ProblemException.invalidField("name", "'calendar' is calendar time and cannot be redefined");
        }
        if (body == null) {
            throw ProblemException.invalidField("body", "a calendar is required");
        }
        CalendarDefinition definition = checked(new CalendarDefinition(name, body.zone(), body.hours(), body.holidays()));
        return seeder.seeded().chain(() -> save(definition));
    }

    /** Adds the all-day events of an iCalendar file (RFC 5545) as holidays, yearly ones expanded a few years ahead. */
    @POST
    @Path("{name}/holidays")
    @Consumes("text/calendar")
    @WithTransaction
    public Uni<HolidayImport> importHolidays(@PathParam("name") String name, String ics) {
        IcsHolidays.Import imported;
        try {
            imported = IcsHolidays.parse(ics == null ? "" : ics, LocalDate.now(clock).getYear() + config.icsYearsAhead());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("body", e.getMessage());
        }
        return find(name).chain(row -> {
            CalendarDefinition current = row.toDefinition();
            List<LocalDate> days = new ArrayList<>(current.holidays());
            imported.holidays().forEach(h -> days.add(h.date()));
            CalendarDefinition updated = new CalendarDefinition(name, current.zone(), current.hours(), days);
            row.take(updated, clock.instant());
            return Uni.createFrom().item(new HolidayImport(updated, imported.holidays(), imported.skipped()));
        });
    }

    /** Deletes a calendar no policy uses (409 names the policies that do). */
    @DELETE
    @Path("{name}")
    @WithTransaction
    public Uni<Void> delete(@PathParam("name") String name) {
        return find(name).chain(row -> PolicyRow.<PolicyRow>list("calendar", name).chain(users -> {
            if (!users.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.conflict("calendar-in-use", "Calendar " + name
                        + " is used by " + users.stream().map(p -> p.name).toList()));
            }
            return row.delete();
        }));
    }

    private Uni<CalendarRow> find(String name) {
        return seeder.seeded().chain(() -> CalendarRow.<CalendarRow>findById(name))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Calendar", name));
    }

    private Uni<CalendarDefinition> save(CalendarDefinition definition) {
        return CalendarRow.<CalendarRow>findById(definition.name())
                .chain(row -> row == null ? new CalendarRow().take(definition, clock.instant()).persist()
                        : Uni.createFrom().item(row.take(definition, clock.instant())))
                .replaceWith(definition);
    }

    private static CalendarDefinition checked(CalendarDefinition definition) {
        try {
            definition.toCalendar();
            return definition;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(e.getMessage().contains("zone") ? "zone" : "hours", e.getMessage());
        }
    }
}
