/** The fact model: congress, nominee, posts, ratings, discipline and the month arithmetic of docs/specification.md section 4; immutable types. */
package org.slatecheck.rules.model;
