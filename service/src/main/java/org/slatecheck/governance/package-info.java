/**
 * Governance: users and roles, the append-only audit log, and rule sets as versioned records that organisation
 * boards draft, analyse, approve (four eyes) and activate without a redeploy.
 */
package org.slatecheck.governance;
