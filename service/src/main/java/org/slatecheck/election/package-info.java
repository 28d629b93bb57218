/**
 * Election day (issue 21): the decision of a tally by the ELE rules ({@code org.slatecheck.rules.election}) as JSON
 * for the API and the command line alike, the elected committee's structure, and the stored elections.
 */
package org.slatecheck.election;
