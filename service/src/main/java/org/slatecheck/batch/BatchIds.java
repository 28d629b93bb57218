package org.slatecheck.batch;

import java.util.regex.Pattern;

import org.slatecheck.governance.OrgUnits;

/**
 * Batch ids are unique per organisation unit (issue 17 item 18): the name a user gives a batch ({@link #NAME}) is
 * the batch's name within the user's unit, so another unit's batch of the same name neither conflicts with it nor can
 * be found, taken or resumed through it. The stored id (and the one in links and the API) is the name for the root
 * unit (as the command line has always named its batches) and {@code UNIT~name} for any other unit; {@code ~} is in
 * neither a unit code nor a name, so the two never meet.
 */
public final class BatchIds {
    /** What a batch name may be. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    static final char SEPARATOR = '~';

    private BatchIds() {
    }

    /** The stored id of the batch called {@code name} in organisation unit {@code unit}. */
    public static String key(String unit, String name) {
        return unit == null || unit.equals(OrgUnits.ROOT) ? name : unit + SEPARATOR + name;
    }

    /**
     * The stored id that {@code id} in a request of a user of {@code unit} means: a stored id with its unit as it is,
     * else the name within the user's own unit. Never another unit's batch by its bare name.
     */
    public static String resolve(String id, String unit) {
        return id.indexOf(SEPARATOR) >= 0 ? id : key(unit, id);
    }

    /** The name part of a stored id (the id itself for the root unit). */
    public static String name(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }

    /** A name for a batch started without one: the time and a random part, so two starts never meet. */
    public static String generated() {
        return "batch-" + System.currentTimeMillis() + "-"
                + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }
}
