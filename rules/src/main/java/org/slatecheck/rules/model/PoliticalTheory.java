package org.slatecheck.rules.model;

/** Political theory level (trình độ lý luận chính trị), in ascending order. */
public enum PoliticalTheory {
    NONE, SO_CAP, TRUNG_CAP, CAO_CAP, CU_NHAN
}
