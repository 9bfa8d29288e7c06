package pdfobj

import (
	"os"
	"slices"
	"testing"
)

// TestBreaks reads testdata/planted.pdf, a Chromium print of a page with a
// stranded heading and a split table row (internal/pdf's
// TestBreaksPlanted makes it), and testdata/chromium.pdf, whose breaks are
// good.
func TestBreaks(t *testing.T) {
	raw, err := os.ReadFile("testdata/planted.pdf")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Breaks(raw)
	if err != nil {
		t.Fatal(err)
	}
	want := []BreakProblem{
		{1, "a heading is the last thing on the page; what follows it begins on page 2"},
		{3, "a table row runs over onto page 4"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("the planted breaks: %v, want %v", got, want)
	}
	if got, err := Breaks(readChromium(t)); err != nil || len(got) != 0 {
		t.Errorf("a print with good breaks: %v, %v", got, err)
	}
	if _, err := Breaks([]byte("%PDF-1.4\nnot a PDF")); err == nil {
		t.Error("Breaks took a file that is not a PDF")
	}
}

// TestBreaksUntagged: a PDF without a structure tree has no breaks to read,
// and saying it has none would pass a print unchecked.
func TestBreaksUntagged(t *testing.T) {
	data := buildPDF(map[int]string{
		1: "<</Type /Catalog /Pages 2 0 R>>",
		2: "<</Type /Pages /Kids [] /Count 0>>",
	}, "/Root 1 0 R")
	if _, err := Breaks(data); err == nil {
		t.Error("Breaks read an untagged PDF")
	}
}
