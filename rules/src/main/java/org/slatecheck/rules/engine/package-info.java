/** The rules facade: compiles rule sets, screens one congress list per short-lived session, and the derived facts and findings the rules use. */
package org.slatecheck.rules.engine;
