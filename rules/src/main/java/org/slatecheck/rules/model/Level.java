package org.slatecheck.rules.model;

/** Level of the congress (cấp đại hội). */
public enum Level {
    GRASSROOTS, ABOVE_GRASSROOTS, DISTRICT, COMMUNE, PROVINCE
}
