package pdfobj

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// addSeeds seeds a fuzz target with Chromium's prints in testdata, a small
// PDF finish takes, and the planted faults of TestMalformed.
func addSeeds(f *testing.F) {
	prints, err := filepath.Glob("testdata/*.pdf")
	if err != nil || len(prints) == 0 {
		f.Fatalf("no PDF in testdata: %v", err)
	}
	for _, p := range prints {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(buildPDF(smallPDF(), smallTrailer))
	for _, m := range malformedPDFs() {
		f.Add(m.data)
	}
}

// FuzzParse holds the reading a print needs (the pages, the named
// destinations, the page breaks) to an error, never a panic, whatever the
// file.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if file, err := Parse(data); err == nil {
			file.Destinations()
			file.PageCount()
		}
		Breaks(data)
	})
}

// FuzzFinish holds finish to an error, never a panic, and a file it
// finishes to one this package reads again (see checkFinished).
func FuzzFinish(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFinished(t, data)
	})
}

// FuzzObjects is FuzzFinish with the cross-reference table kept true: the
// fuzzed bytes are the bodies of a small PDF's objects (the document
// information, a structure element) and its page's content, inflated,
// which a mutation of a whole file seldom reaches without breaking an
// offset.
func FuzzObjects(f *testing.F) {
	objects := smallPDF()
	f.Add(objects[1], "<</S /H /P 6 0 R /Pg 4 0 R /K [0 <</Type /MCR /Pg 4 0 R /MCID 1>>]>>", pageContent)
	f.Add("<</Title <feff0041> /Parent 6 0 R /Next 1 0 R>>", "<</S /TR /P 6 0 R /K [<</S /TD /Pg 4 0 R /K 0>>]>>", "/P <</MCID 0>> BDC 0 0 m 1 1 l S EMC")
	f.Fuzz(func(t *testing.T, info, element, content string) {
		objects := smallPDF()
		objects[1] = info
		objects[2] = "<</Type /Catalog /Pages 3 0 R /StructTreeRoot 6 0 R>>"
		objects[5] = stream("/Filter /FlateDecode", deflate(content))
		objects[6] = "<</Type /StructTreeRoot /K [7 0 R]>>"
		objects[7] = element
		data := buildPDF(objects, smallTrailer)
		Breaks(data)
		checkFinished(t, data)
	})
}

// checkFinished finishes data, and if finish takes it, holds the finished
// file to one this package reads again, with the same named destinations,
// and that it will not finish twice.
func checkFinished(t *testing.T, data []byte) {
	meta := Meta{Title: "Prøve (1)", Author: "A & B", Lang: "da", PDFDate: "D:2016", XMPDate: "2016"}
	headings := []string{"En overskrift der ombrydes over flere linjer", "Anden del", "A"}
	out, err := Finish(data, meta, headings)
	if err != nil {
		return
	}
	in, err := Parse(data)
	if err != nil {
		t.Fatalf("Finish took a file Parse refuses: %v", err)
	}
	fin, err := Parse(out)
	if err != nil {
		t.Fatalf("the finished file does not parse: %v", err)
	}
	d1, err1 := in.Destinations()
	d2, err2 := fin.Destinations()
	if (err1 == nil) != (err2 == nil) || !maps.Equal(d1, d2) {
		t.Errorf("destinations before and after: %v, %v; %v, %v", d1, err1, d2, err2)
	}
	if _, err := Finish(out, meta, headings); err == nil || !strings.Contains(err.Error(), "/Metadata already") {
		t.Errorf("finishing the finished file: %v, want its metadata refused", err)
	}
}

// FuzzArtifacts holds the scan of a page's content stream to an error or a
// stream it reads again with nothing left to wrap, its marked content
// still nested.
func FuzzArtifacts(f *testing.F) {
	f.Add([]byte(pageContent))
	f.Add([]byte("q 1 0 0 1 0 0 cm BT /F1 9 Tf (Side 1 af 2) Tj ET Q\n/P <</MCID 0>> BDC BT /F1 12 Tf <0041> Tj ET 0 0 m 10 0 l S EMC\n0 0 10 10 re W* n 0 0 5 5 re f /Im1 Do"))
	f.Add([]byte("0 0 m 10 10 l h f* 2 J [1 2] 0 d /GS1 gs /Sh1 sh"))
	f.Fuzz(func(t *testing.T, content []byte) {
		out, _, err := artifacts(content)
		if err != nil {
			return
		}
		again, err := unmarked(out)
		if err != nil || len(again) != 0 {
			t.Errorf("the wrapped stream reads %v, %v:\n%s", again, err, out)
		}
	})
}
