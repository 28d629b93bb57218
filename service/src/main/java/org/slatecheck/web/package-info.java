/** The REST API and the server-rendered pages. */
package org.slatecheck.web;
