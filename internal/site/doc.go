// Package site is the whole report as one value: the data, and for each
// edition its front page, chapters and case stories, with every
// cross-reference resolved (a case story's cluster, a cluster's case stories)
// and every URL decided.
//
// Load reads data/ and content/ through an fs.FS, converts each page's
// Markdown as it is parsed (package markdown, with package figures for the
// tables and charts), checks everything against the data and returns the
// model together with every problem found. Nothing after Load reads
// content/ or data/, so rendering cannot fail on them; the files of
// static/ and the pictures beside the pages are only listed here, and
// streamed to the output by package render.
package site
