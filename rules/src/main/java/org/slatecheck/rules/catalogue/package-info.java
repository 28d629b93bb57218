/** The rules' metadata, one folder per rule ({@link org.slatecheck.rules.catalogue.RuleCatalogue}). */
package org.slatecheck.rules.catalogue;
