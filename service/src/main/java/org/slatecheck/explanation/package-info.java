/** Turns screening results into what people and systems read: JSON (docs/specification.md section 7), CSV and a text report. */
package org.slatecheck.explanation;
