/** The fact model: congress, nominee, posts, ratings, discipline and the month arithmetic of RULES.md section 3; immutable types. */
package org.slatecheck.rules.model;
