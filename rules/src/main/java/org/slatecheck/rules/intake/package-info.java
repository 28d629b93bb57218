/** Reads congresses and nominees CSV files (docs/specification.md section 2) into facts, turning every bad cell into a line/column error. */
package org.slatecheck.rules.intake;
