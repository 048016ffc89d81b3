package dev.backoffice.inventory;

/** How the units of an item are told apart. */
public enum Tracking {
    /** Not at all: only quantities. */
    NONE,
    /** By lot (batch), each with an optional expiry date; shipments choose lots first-expiry-first-out. */
    LOT,
    /** By serial number: each unit its own, received once, moved with quantity one. */
    SERIAL
}
