/** Spreadsheets for people: the input templates (.xlsx, .csv) and the result as .xlsx. */
package org.slatecheck.spreadsheets;
