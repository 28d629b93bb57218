/**
 * The user-facing texts in Vietnamese and English (the message bundles and the rules' own texts): the lowest package
 * above the model and the rules' metadata, so intake, parameters, guided rules, the engine and the explanations all
 * read their words here without depending on each other.
 */
package org.slatecheck.rules.text;
