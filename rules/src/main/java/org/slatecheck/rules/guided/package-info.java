/** Guided rules: a board's new criterion as validated data, turned into DRL by a fixed template. */
package org.slatecheck.rules.guided;
