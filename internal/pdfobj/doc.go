// Package pdfobj reads and rewrites the PDFs Chromium writes. Parse reads
// a file into its objects through its cross-reference table, each object
// whole; one lexer of PDF syntax (lex.go) serves the objects and the
// pages' content streams alike. What a print needs of the file are its
// pages and named destinations (File.Destinations, File.PageCount).
//
// Finish rewrites the file whole for publishing: its document information
// and XMP metadata set from Meta, what differs from run to run made the
// same, the marks Chromium leaves outside marked content made artifacts,
// and the outline's titles given back the spaces Chromium dropped. Breaks
// reads a finished file's structure tree for bad page breaks.
//
// The package reads only the shape of PDF Chromium writes (see file.go)
// and refuses any other with an error that names what is wrong and where,
// never with a panic: TestMalformed plants faults one at a time, and
// FuzzParse, FuzzFinish, FuzzObjects and FuzzArtifacts (make fuzz) hold it
// to that. It knows nothing of the site: Meta and the headings' texts are
// all it takes from the edition.
package pdfobj
