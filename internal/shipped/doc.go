// Package shipped holds the tests of the shipped site: the site in this
// repository, or the one REPORT_SHIPPED_SITE names (make test-next-edition
// points it at the shipped site with a generated next edition). It has no
// code of its own; its tests build the site through the pipeline, as the
// report command does, and read the result, through package sitecheck
// where a crawler or a browser would read it (_headers, icons, footers,
// links).
//
// What they assert holds for every edition an editor may add, unless a
// test names the 2016 edition's facts as such: content that `report check`
// passes must pass these tests too. The files say which:
//
//   - site_test.go is the one loader: each build of the shipped site is
//     made once per set of options and shared by every test that asks for
//     it; a plan or a site a test changes is made for it alone.
//   - invariants_test.go, pages_test.go, hosting_test.go and
//     figures_test.go assert what holds for every build, edition and page.
//   - pages_speak_test.go (what the render package writes on a page itself,
//     in each language) and print_test.go (the print page, the PDFs and
//     the links to them) read the 2016 edition's pages and the site's own,
//     naming which.
//   - edition2016_test.go holds the 2016 edition's facts, named as its own.
//   - fidelity_test.go holds the 2016 edition against the report it was
//     transcribed from (testdata/source).
//
// A test whose subject is another package's behaviour stays in that
// package, on the small test site where it can (package sitetest).
package shipped
