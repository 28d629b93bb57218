package org.slatecheck.rules.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The pass over a workbook before the reader opens it (issue 17 item 4): what it expands to, measured in constant
 * memory, against {@link WorkbookLimits}. The reader (fastexcel) streams the sheet but keeps some parts whole in
 * memory — the shared-strings table, the formats, the sheets and relationships, shared and array formulas — and
 * builds a string of every text and tag it meets; so before it runs:
 *
 * <ul>
 * <li>the archive has at most {@link #MAX_ENTRIES} entries, and the sizes its central directory declares add up to no
 * more than the limit (refused without unpacking anything);
 * <li>every entry is unpacked once, counting bytes — the declared sizes can lie — and stopping at the limit of all
 * parts together, or as soon as an entry of more than 1 MB unpacks to more than {@link #MAX_RATIO} times its packed
 * size;
 * <li>every byte is scanned as markup (no XML parser: a parser would itself build the strings this guards against):
 * at most {@link #MAX_RUN} bytes between two {@code <} (no text, tag or attribute longer); the shared-string entries
 * ({@code <si>}, in whatever part they are) counted with their bytes; the elements the reader keeps (formats,
 * sheets, relationships, formula ranges) counted; a cell reference beyond the last column a sheet can have, or a
 * document type declaration (entity expansion), makes the workbook unreadable.
 * </ul>
 *
 * The first limit reached is the answer, as a message key with its arguments; everything within them is left to the
 * reader, whose rows are bounded as they are read ({@link XlsxReader}).
 */
final class WorkbookGuard {
    /** Entries in the archive (a real workbook has a few dozen). */
    static final int MAX_ENTRIES = 1_000;
    /** Unpacked/packed size of an entry past 1 MB unpacked (sheets compress about 10 to 30 times). */
    static final long MAX_RATIO = 200;
    /** Bytes without a {@code <}: a cell of 1,000 characters with entities is under 10 kB. */
    static final int MAX_RUN = 1 << 20;
    /** Elements the reader keeps whole: formats ({@code xf}, {@code numFmt}), sheets, relationships, formula ranges. */
    static final long MAX_KEPT_ELEMENTS = 200_000;
    /** The last column a sheet can have: XFD. */
    static final int MAX_SHEET_COLUMNS = 16_384;

    /** A limit reached: the message key and its arguments. */
    record Refusal(String key, List<Object> args) {
        static Refusal of(String key, Object... args) {
            return new Refusal(key, List.of(args));
        }
    }

    private final WorkbookLimits limits;
    private long total;
    private long sharedStrings;
    private long sharedStringBytes;
    private long kept;

    private WorkbookGuard(WorkbookLimits limits) {
        this.limits = limits;
    }

    /** The first limit {@code content} exceeds, or null when the reader may open it. */
    static Refusal check(byte[] content, WorkbookLimits limits) {
        return new WorkbookGuard(limits).scan(new SeekableInMemoryByteChannel(content));
    }

    /** The first limit the workbook in {@code file} exceeds, or null when the reader may open it. */
    static Refusal check(java.nio.file.Path file, WorkbookLimits limits) {
        try {
            return new WorkbookGuard(limits).scan(java.nio.file.Files.newByteChannel(file));
        } catch (IOException e) {
            return Refusal.of("xlsx_unreadable");
        }
    }

    private Refusal tooLarge() {
        return Refusal.of("xlsx_too_large", WorkbookLimits.mb(limits.maxUnpackedBytes()), limits.maxRows());
    }

    private Refusal scan(java.nio.channels.SeekableByteChannel content) {
        // The central directory (commons-compress): java.util.zip.ZipInputStream refuses the Zip64 local headers that
        // some writers (POI's streaming writer among them) produce.
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(content).get()) {
            List<ZipArchiveEntry> entries = java.util.Collections.list(zip.getEntries());
            if (entries.isEmpty()) {
                return Refusal.of("xlsx_unreadable");
            }
            if (entries.size() > MAX_ENTRIES) {
                return Refusal.of("xlsx_too_many_parts", MAX_ENTRIES);
            }
            long declared = 0;
            for (ZipArchiveEntry entry : entries) {
                declared += Math.max(0, entry.getSize());
                if (declared > limits.maxUnpackedBytes()) {
                    return tooLarge();
                }
            }
            byte[] buffer = new byte[1 << 16];
            for (ZipArchiveEntry entry : entries) {
                Refusal refusal = scan(zip, entry, buffer);
                if (refusal != null) {
                    return refusal;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Refusal.of("xlsx_unreadable");
        }
        return null;
    }

    private Refusal scan(ZipFile zip, ZipArchiveEntry entry, byte[] buffer) throws IOException {
        long packed = Math.max(1, entry.getCompressedSize());
        long size = 0;
        Markup markup = new Markup();
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                total += n;
                if (total > limits.maxUnpackedBytes()) {
                    return tooLarge();
                }
                if (size > WorkbookLimits.MB && size > MAX_RATIO * packed) {
                    return Refusal.of("xlsx_ratio", entry.getName(), MAX_RATIO);
                }
                Refusal refusal = markup.feed(buffer, n);
                if (refusal != null) {
                    return refusal;
                }
            }
        }
        return null;
    }

    /**
     * A scanner of markup bytes, fed in pieces: tags by their local name (the prefix dropped), attributes by name
     * and value (only the ones it needs), everything else counted. Comments, processing instructions and CDATA end
     * at their first {@code >}, which only makes it count more, never less.
     */
    private final class Markup {
        private static final int TEXT = 0;
        private static final int NAME = 1;
        private static final int ATTRS = 2;
        private static final int ATTR_NAME = 3;
        private static final int AFTER_NAME = 4;
        private static final int BEFORE_VALUE = 5;
        private static final int VALUE = 6;

        private int state = TEXT;
        private int run;
        /** Depth in {@code <si>} elements; their bytes are the shared strings'. */
        private int inShared;
        private final StringBuilder name = new StringBuilder();
        private final StringBuilder attribute = new StringBuilder();
        private boolean closing;
        private byte quote;
        private byte last;
        /** Letters of a cell reference ({@code r} of a {@code c} element) read so far; -1 when past them. */
        private int letters;
        private long column;

        Refusal feed(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (inShared > 0 && ++sharedStringBytes > limits.maxSharedStringBytes()) {
                    return sharedStringsRefusal();
                }
                if (b == '<' && state != VALUE) {
                    run = 0;
                    state = NAME;
                    name.setLength(0);
                    closing = false;
                    last = b;
                    continue;
                }
                if (++run > MAX_RUN) {
                    return Refusal.of("xlsx_run", WorkbookLimits.mb(MAX_RUN));
                }
                Refusal refusal = switch (state) {
                    case NAME -> name(b);
                    case TEXT -> null;
                    default -> attributes(b);
                };
                if (refusal != null) {
                    return refusal;
                }
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    last = b;
                }
            }
            return null;
        }

        private Refusal name(byte b) {
            if (b == '/' && name.isEmpty() && last == '<') {
                closing = true;
                return null;
            }
            if (b == '>' || b == '/' || whitespace(b)) {
                if (name.length() >= 8 && name.substring(0, 8).equalsIgnoreCase("!DOCTYPE")) {
                    return Refusal.of("xlsx_unreadable"); // entity expansion: Excel never writes a DTD
                }
                state = ATTRS;
                Refusal refusal = started();
                return refusal != null || b != '>' ? refusal : endOfTagAfterName();
            }
            if (b == ':') {
                name.setLength(0); // a prefix: the local name follows
            } else if (name.length() < 16) {
                name.append((char) (b & 0xFF));
            }
            return null;
        }

        /** The name of a start or end tag is complete. */
        private Refusal started() {
            String n = name.toString();
            if (closing) {
                if (n.equals("si") && inShared > 0) {
                    inShared--;
                }
                return null;
            }
            switch (n) {
                case "si" -> {
                    inShared++;
                    sharedStringBytes += 4; // "<si " counted here: the bytes before the name were not
                    if (++sharedStrings > limits.maxSharedStrings()) {
                        return sharedStringsRefusal();
                    }
                }
                case "xf", "numFmt", "sheet", "Relationship", "Override", "Default", "definedName" -> {
                    if (++kept > MAX_KEPT_ELEMENTS) {
                        return Refusal.of("xlsx_too_many_parts", MAX_KEPT_ELEMENTS);
                    }
                }
                default -> {
                }
            }
            return null;
        }

        private Refusal attributes(byte b) {
            switch (state) {
                case ATTRS, AFTER_NAME -> {
                    if (b == '>') {
                        return endOfTagAfterName();
                    }
                    if (b == '=') {
                        state = BEFORE_VALUE;
                    } else if (!whitespace(b) && b != '/') {
                        attribute.setLength(0);
                        attribute.append((char) (b & 0xFF));
                        state = ATTR_NAME;
                    }
                }
                case ATTR_NAME -> {
                    if (b == '>') {
                        return endOfTagAfterName();
                    }
                    if (b == '=') {
                        state = BEFORE_VALUE;
                    } else if (whitespace(b)) {
                        state = AFTER_NAME;
                    } else if (b == ':') {
                        attribute.setLength(0);
                    } else if (attribute.length() < 16) {
                        attribute.append((char) (b & 0xFF));
                    }
                }
                case BEFORE_VALUE -> {
                    if (b == '"' || b == '\'') {
                        quote = b;
                        state = VALUE;
                        letters = isCellReference() ? 0 : -1;
                        column = 0;
                        if (isFormulaRange() && ++kept > MAX_KEPT_ELEMENTS) {
                            return Refusal.of("xlsx_too_many_parts", MAX_KEPT_ELEMENTS);
                        }
                    } else if (b == '>') {
                        return endOfTagAfterName();
                    }
                }
                case VALUE -> {
                    if (b == quote) {
                        state = ATTRS;
                        attribute.setLength(0);
                    } else if (letters >= 0) {
                        return reference(b);
                    }
                }
                default -> {
                }
            }
            return null;
        }

        private Refusal endOfTagAfterName() {
            if (!closing && last == '/' && name.toString().equals("si") && inShared > 0) {
                inShared--; // <si/>: an empty entry
            }
            state = TEXT;
            return null;
        }

        /** The {@code r} attribute of a cell ({@code c}): its letters may not pass the last column, XFD. */
        private Refusal reference(byte b) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                column = column * 26 + (Character.toUpperCase(c) - 'A' + 1);
                if (++letters > 3 || column > MAX_SHEET_COLUMNS) {
                    return Refusal.of("xlsx_unreadable");
                }
            } else {
                letters = -1;
            }
            return null;
        }

        private boolean isCellReference() {
            return !closing && name.toString().equals("c") && attribute.toString().equals("r");
        }

        /** A shared or array formula's range ({@code ref} of an {@code f}): the reader keeps each one. */
        private boolean isFormulaRange() {
            return !closing && name.toString().equals("f") && attribute.toString().equals("ref");
        }

        private static boolean whitespace(byte b) {
            return b == ' ' || b == '\t' || b == '\r' || b == '\n';
        }
    }

    private Refusal sharedStringsRefusal() {
        return Refusal.of("xlsx_shared_strings", limits.maxSharedStrings(),
                WorkbookLimits.mb(limits.maxSharedStringBytes()), limits.maxRows());
    }
}
