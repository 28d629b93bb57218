/** Rule-set parameters read from the per-term data files, each value with its source. */
package org.slatecheck.rules.params;
