/** Turns findings into titles and messages in Vietnamese and English from their evidence. */
package org.slatecheck.rules.explain;
