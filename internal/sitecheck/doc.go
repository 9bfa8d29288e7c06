// Package sitecheck inspects a built site folder the way a reader's browser
// and a careful reviewer would, without trusting the generator: it follows
// every internal link, anchor and asset reference, weighs every page with
// everything it loads against a budget, checks that no page runs inline
// script, that every page has what a Danish public site needs (a
// description, the icons, the link to the accessibility statement), and
// that _headers gives each file one rule with its page's policy, and that
// every page is within two clicks of its edition's front page. It is the
// one reader of a built site: the tests of the shipped site (package
// shipped) read its _headers, icons, descriptions and footers through the
// readers here (ParseHeaders, ReadICO, Icons, Description, Footer,
// PagePolicy) rather than parse them again. The browser-level checks (axe-core, the layout at every width, pages without
// JavaScript, search, Lighthouse and the PDF) live in this package's tests
// behind the sitecheck build tag, since they need Chromium; make
// check-site runs them.
package sitecheck
