/** Typed settings and the database (external server or the embedded PostgreSQL the application starts). */
package org.slatecheck.config;
