package org.slatecheck.records;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One stored check as the history lists it. */
public record CheckSummary(UUID id, OffsetDateTime createdAt, String createdBy, List<String> congresses,
        List<String> organisations, int lists, int nominees, int eligible, int review, int ineligible,
        int nonCompliantLists) {
}
