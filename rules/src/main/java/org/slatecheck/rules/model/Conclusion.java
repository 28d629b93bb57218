package org.slatecheck.rules.model;

/** Political-standards conclusion (kết luận tiêu chuẩn chính trị). Missing is represented by null. */
public enum Conclusion {
    MET, NOT_MET
}
