/** Batch runs for a congress season: streamed input, parallel evaluation, resumable, never half-written. */
package org.slatecheck.batch;
