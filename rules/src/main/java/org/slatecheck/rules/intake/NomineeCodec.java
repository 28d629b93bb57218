package org.slatecheck.rules.intake;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.DisciplineForm;
import org.slatecheck.rules.model.Education;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.PoliticalTheory;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Rating;
import org.slatecheck.rules.model.Sex;

/**
 * A compact binary form of a validated {@link Nominee}, for batch spill files: a nominee read and checked once from
 * the CSV is written here and read back without parsing or validating the text again. Not a storage format — spill
 * files live only for the duration of a batch and are written and read by the same build.
 */
public final class NomineeCodec {
    private static final long NO_DATE = Long.MIN_VALUE;
    private static final int NO_MONTH = Integer.MIN_VALUE;

    private NomineeCodec() {
    }

    public static void write(DataOutput out, Nominee n) throws IOException {
        string(out, n.getCongressId());
        string(out, n.getNomineeId());
        string(out, n.getFullName());
        out.writeByte(n.getSex().ordinal());
        date(out, n.getBirthDate());
        string(out, n.getEthnicity());
        string(out, n.getHometownProvince());
        out.writeByte(n.getMembership().ordinal());
        date(out, n.getPartyJoinDate());
        out.writeBoolean(n.isIncumbent());
        posts(out, n.getCurrentPosts());
        posts(out, n.getProposedPosts());
        out.writeInt(n.getConsecutiveTerms() == null ? -1 : n.getConsecutiveTerms());
        code(out, n.getPoliticalTheory());
        code(out, n.getEducation());
        code(out, n.getDisciplineForm());
        date(out, n.getDisciplineDate());
        out.writeBoolean(n.isDisciplinePending());
        code(out, n.getPoliticalConclusion());
        date(out, n.getPoliticalConclusionDate());
        out.writeShort(n.getQualityRatings().size());
        for (Map.Entry<Integer, Rating> e : n.getQualityRatings().entrySet()) {
            out.writeInt(e.getKey());
            out.writeByte(e.getValue().ordinal());
        }
        out.writeInt(n.getUnresolvedComplaints());
        bool(out, n.getAssetDeclaration());
        bool(out, n.getHealthOk());
        out.writeInt(n.getRelatives().size());
        for (String r : n.getRelatives()) {
            string(out, r);
        }
        YearMonth override = n.getRetirementMonthOverride();
        out.writeInt(override == null ? NO_MONTH : override.getYear() * 12 + override.getMonthValue() - 1);
        date(out, n.getPartyJoinLastDay());
        date(out, n.getDisciplineFirstDay());
        out.writeBoolean(n.getPlannedPosts() != null);
        if (n.getPlannedPosts() != null) {
            posts(out, n.getPlannedPosts());
        }
        string(out, n.getLowConfidenceShare() == null ? null : n.getLowConfidenceShare().toPlainString());
    }

    public static Nominee read(DataInput in) throws IOException {
        Nominee.Builder b = Nominee.builder().congressId(string(in)).nomineeId(string(in)).fullName(string(in))
                .sex(Sex.values()[in.readByte()]).birthDate(date(in)).ethnicity(string(in))
                .hometownProvince(string(in)).membership(Membership.values()[in.readByte()]).partyJoinDate(date(in))
                .incumbent(in.readBoolean()).currentPosts(posts(in)).proposedPosts(posts(in));
        int terms = in.readInt();
        b.consecutiveTerms(terms < 0 ? null : terms).politicalTheory(code(in, PoliticalTheory.values()))
                .education(code(in, Education.values())).disciplineForm(code(in, DisciplineForm.values()))
                .disciplineDate(date(in)).disciplinePending(in.readBoolean())
                .politicalConclusion(code(in, Conclusion.values())).politicalConclusionDate(date(in));
        int ratings = in.readShort();
        Map<Integer, Rating> byYear = new TreeMap<>();
        for (int i = 0; i < ratings; i++) {
            byYear.put(in.readInt(), Rating.values()[in.readByte()]);
        }
        b.qualityRatings(byYear).unresolvedComplaints(in.readInt()).assetDeclaration(bool(in)).healthOk(bool(in));
        int relatives = in.readInt();
        List<String> ids = new ArrayList<>(relatives);
        for (int i = 0; i < relatives; i++) {
            ids.add(string(in));
        }
        int month = in.readInt();
        b.relatives(ids).retirementMonthOverride(month == NO_MONTH ? null
                : YearMonth.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1));
        b.partyJoinLastDay(date(in)).disciplineFirstDay(date(in));
        if (in.readBoolean()) {
            b.plannedPosts(posts(in));
        }
        String share = string(in);
        return b.lowConfidenceShare(share == null ? null : new java.math.BigDecimal(share)).build();
    }

    private static void string(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void date(DataOutput out, LocalDate d) throws IOException {
        out.writeLong(d == null ? NO_DATE : d.toEpochDay());
    }

    private static LocalDate date(DataInput in) throws IOException {
        long day = in.readLong();
        return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
    }

    private static void code(DataOutput out, Enum<?> e) throws IOException {
        out.writeByte(e == null ? -1 : e.ordinal());
    }

    private static <E extends Enum<E>> E code(DataInput in, E[] values) throws IOException {
        int ordinal = in.readByte();
        return ordinal < 0 ? null : values[ordinal];
    }

    private static void bool(DataOutput out, Boolean b) throws IOException {
        out.writeByte(b == null ? -1 : b ? 1 : 0);
    }

    private static Boolean bool(DataInput in) throws IOException {
        int b = in.readByte();
        return b < 0 ? null : b == 1;
    }

    private static void posts(DataOutput out, Set<Post> posts) throws IOException {
        long mask = 0;
        for (Post p : posts) {
            mask |= 1L << p.ordinal();
        }
        out.writeLong(mask);
    }

    private static Set<Post> posts(DataInput in) throws IOException {
        long mask = in.readLong();
        Set<Post> posts = EnumSet.noneOf(Post.class);
        for (Post p : Post.values()) {
            if ((mask & (1L << p.ordinal())) != 0) {
                posts.add(p);
            }
        }
        return posts;
    }
}
