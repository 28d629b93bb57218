package org.slatecheck.rules.model;

/** Yearly quality rating, best first: HTXSNV > HTTNV > HTNV > KHTNV. */
public enum Rating {
    KHTNV, HTNV, HTTNV, HTXSNV;

    /** True when this rating is strictly below {@code minimum}. */
    public boolean isBelow(Rating minimum) {
        return compareTo(minimum) < 0;
    }
}
