//go:build sitecheck

package sitecheck

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"report/internal/pdf"
)

// The print's page, as print.css lays it out: A4 with 22 mm above the text
// (the running head stands in it) and 20 mm below (the page number).
const (
	pageHeightMM = 297.0
	topMarginMM  = 22.0
	footMarginMM = 20.0
)

// maxEmpty is how much of a page's text area may be left empty: at most
// two-thirds, but on the cover, the colophon, the last page of a part and
// the last page of all.
const maxEmpty = 2.0 / 3

// checkPDFLayout holds an edition's PDF to print.css's promises: one
// family of fonts, all embedded; no heading, term or label left at a
// page's foot; no table row or chart split over two pages (pdf.Breaks, the
// check report-pdf makes itself); and no page more than two-thirds empty
// but where a part ends.
func checkPDFLayout(t *testing.T, s Site, year, file string, partPages []int) {
	fonts := run(t, "pdffonts", file)
	families := map[string]bool{}
	for _, line := range strings.Split(fonts, "\n")[2:] {
		f := strings.Fields(line)
		if len(f) < 7 {
			continue
		}
		if f[len(f)-5] != "yes" {
			t.Errorf("pdffonts: %s is not embedded", f[0])
		}
		name := f[0][strings.Index(f[0], "+")+1:]
		families[strings.SplitN(name, "-", 2)[0]] = true
	}
	if len(families) != 1 {
		t.Errorf("the PDF's fonts are of %d families, want one (Roboto, text and charts alike):\n%s", len(families), fonts)
	}

	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	breaks, err := pdf.Breaks(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range breaks {
		t.Errorf("%s: %s", filepath.Base(file), b)
	}

	// The structure tree has no term of a definition list (Chromium tags
	// it NonStruct): its words, and the headings', as the last line of a
	// page's text are the same fault.
	terms := headingsAndTerms(s, year)
	pages := strings.Split(run(t, "pdftotext", "-enc", "UTF-8", file, "-"), "\f")
	for i, page := range pages {
		if last := lastTextLine(page); last != "" && terms[last] {
			t.Errorf("%s: page %d ends on the heading or term %q", filepath.Base(file), i+1, last)
		}
	}

	empty := emptyPages(t, file, partPages)
	for _, e := range empty {
		t.Errorf("%s: %s", filepath.Base(file), e)
	}
}

var (
	headingOrTerm = regexp.MustCompile(`(?s)<(h[1-6]|dt)\b[^>]*>(.*?)</(?:h[1-6]|dt)>`)
	pageNumber    = regexp.MustCompile(`^(Side|Page) \d+ (af|of) \d+$`)
	clusterPage   = regexp.MustCompile(`/klynger/[^/]+/index\.html$`)
)

// headingsAndTerms are the words of every heading and definition term of
// the edition's pages that its PDF holds: all but each cluster's own page
// (the PDF has the directory, where a cluster's name is a list's item).
func headingsAndTerms(s Site, year string) map[string]bool {
	out := map[string]bool{}
	for _, p := range s.Pages() {
		if !strings.HasPrefix(p, year+"/") && !strings.HasPrefix(p, "en/"+year+"/") || clusterPage.MatchString(p) {
			continue
		}
		for _, m := range headingOrTerm.FindAllStringSubmatch(string(s[p]), -1) {
			if t := text(m[2]); t != "" {
				out[t] = true
			}
		}
	}
	return out
}

// lastTextLine is the last line of a page's text but for its page number.
func lastTextLine(page string) string {
	lines := strings.Split(page, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.Join(strings.Fields(lines[i]), " ")
		if l != "" && !pageNumber.MatchString(l) {
			return l
		}
	}
	return ""
}

// emptyPages renders each page small and measures how far down its text
// area the ink reaches; it lists the pages left more than maxEmpty empty,
// but the cover and the colophon (pages 1 and 2), the page before a part
// begins and the last page.
func emptyPages(t *testing.T, file string, partPages []int) []string {
	dir := t.TempDir()
	run(t, "pdftoppm", "-r", "24", "-gray", "-png", file, filepath.Join(dir, "p"))
	names, err := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if err != nil || len(names) == 0 {
		t.Fatalf("pdftoppm made no pages: %v", err)
	}
	sort.Strings(names) // pdftoppm pads the numbers
	beforePart := map[int]bool{1: true, 2: true, len(names): true}
	for _, p := range partPages {
		beforePart[p-1] = true
	}
	var out []string
	for i, name := range names {
		page := i + 1
		fill := inkDepth(t, name)
		if fill < 1-maxEmpty && !beforePart[page] {
			out = append(out, fmt.Sprintf("page %d is %.0f %% empty", page, 100*(1-fill)))
		}
	}
	return out
}

// inkDepth is how far down the text area of a page's picture the lowest
// ink lies, from 0 (none) to 1 (its foot).
func inkDepth(t *testing.T, name string) float64 {
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	mm := float64(b.Dy()) / pageHeightMM
	top, foot := b.Min.Y+int(topMarginMM*mm), b.Max.Y-int(footMarginMM*mm)
	lowest := top
	for y := top; y < foot; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if gray(img, x, y) < 235 {
				lowest = y
				break
			}
		}
	}
	return float64(lowest-top) / float64(foot-top)
}

func gray(img image.Image, x, y int) uint32 {
	r, _, _, _ := img.At(x, y).RGBA()
	return r >> 8
}
