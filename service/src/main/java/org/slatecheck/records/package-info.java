/** Stores every check in PostgreSQL (schema by Liquibase) so it can be reopened, printed and reproduced. */
package org.slatecheck.records;
