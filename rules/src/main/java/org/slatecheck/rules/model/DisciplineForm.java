package org.slatecheck.rules.model;

/** Form of party discipline: none, reprimand (khiển trách), warning (cảnh cáo), dismissal (cách chức). */
public enum DisciplineForm {
    NONE, KHIEN_TRACH, CANH_CAO, CACH_CHUC
}
