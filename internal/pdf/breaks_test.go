package pdf

import (
	"os"
	"strings"
	"testing"
)

// TestBreaks reads testdata/planted.pdf, a Chromium print of a page with a
// stranded heading and a split table row (see TestBreaksPlanted, which
// makes it), and testdata/chromium.pdf, whose breaks are good.
func TestBreaks(t *testing.T) {
	raw, err := os.ReadFile("testdata/planted.pdf")
	if err != nil {
		t.Fatal(err)
	}
	checkPlanted(t, raw)

	good, err := os.ReadFile("testdata/chromium.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Breaks(good); err != nil || len(got) != 0 {
		t.Errorf("a print with good breaks: %v, %v", got, err)
	}
	if _, err := Breaks([]byte("%PDF-1.4\nnot a PDF")); err == nil {
		t.Error("Breaks took a file that is not a PDF")
	}
}

// checkPlanted holds Breaks to finding the breaks planted in a print of
// plantedPage.
func checkPlanted(t *testing.T, raw []byte) {
	t.Helper()
	got, err := Breaks(raw)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, p := range got {
		all = append(all, p.String())
	}
	joined := strings.Join(all, "\n")
	for _, want := range []string{"page 1: a heading is the last thing on the page; what follows it begins on page 2", "a table row runs over onto page"} {
		if !strings.Contains(joined, want) {
			t.Errorf("Breaks missed %q; found:\n%s", want, joined)
		}
	}
}
