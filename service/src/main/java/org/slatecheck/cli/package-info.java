/** The command line: {@code check} reads a congresses file and a nominees file and prints the result. */
package org.slatecheck.cli;
