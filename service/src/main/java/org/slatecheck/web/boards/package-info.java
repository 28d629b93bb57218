/**
 * The boards' forms beside the rule set page: the guided-rule builder ({@link org.slatecheck.web.boards.GuidedRuleController})
 * and the acceptance of changed rule-case expectations ({@link org.slatecheck.web.boards.CaseAcceptController}).
 */
package org.slatecheck.web.boards;
