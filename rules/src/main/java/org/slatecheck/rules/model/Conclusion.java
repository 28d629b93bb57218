package org.slatecheck.rules.model;

/**
 * Political-standards conclusion (kết luận tiêu chuẩn chính trị): met, not met, or a political-history question the
 * competent level weighs case by case (docs/specification.md). Missing is represented by null.
 */
public enum Conclusion {
    MET, NOT_MET, NEEDS_REVIEW
}
