/** Runs the rules facade on congress lists read from input files: the one screening path of the application. */
package org.slatecheck.screening;
