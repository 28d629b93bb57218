package org.slatecheck.rules.model;

/** Professional education level (trình độ chuyên môn), in ascending order. */
public enum Education {
    NONE, UPPER_SECONDARY, COLLEGE, BACHELOR, MASTER, DOCTOR
}
