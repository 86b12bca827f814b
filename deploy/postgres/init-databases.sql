-- One database per service (ARCHITECTURE.md): no service reads another's tables.
CREATE DATABASE gateway;
CREATE DATABASE tickets;
CREATE DATABASE sla;
CREATE DATABASE notifications;
