/**
 * What a draft rule set would change before anyone approves it: the impact analysis (the stored checks run under the
 * active and the draft version), the draft's rule cases, and the cases a board accepts in one step. Above both the
 * screening path it runs and the governance it reports to, so neither depends on the other.
 */
package org.slatecheck.impact;
