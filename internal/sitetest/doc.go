// Package sitetest is the tests' "site in a string": the small test site
// (testdata/sites/base) with the real layouts and static files, and a txtar
// archive of files laid over it, in memory or in a folder; and assertions on
// what a build wrote, after Hugo's integration tests
// (hugolib/integrationtest_builder.go).
//
// An overlay is a txtar archive. Each file replaces or adds the site's file
// of that name; a file whose content is exactly "DELETE\n" removes it; the
// section named "want" is no file of the site but what the test expects (the
// problems of a broken site in testdata/bad, one a line):
//
//	# A chapter without a title.
//	-- content/2016/tal.md --
//	+++
//	weight = 10
//	+++
//	-- want --
//	content/2016/tal.md:1:1: error: …
//
// RealFS and WriteReal give the shipped site (content/, data/, layouts/,
// static/) instead, for tests that need the real report: the tests of
// package shipped, and the few of other packages that take it as their
// input.
//
// Paths are relative to the repository's root as go test sees it from a
// package folder under internal/.
package sitetest
