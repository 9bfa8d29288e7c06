//go:build sitecheck

package sitecheck

import (
	"fmt"
	"html"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"report/internal/pdfobj"
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
// page's foot; no table row or chart split over two pages (pdfobj.Breaks, the
// check report-pdf makes itself); and no page more than two-thirds empty
// but where a part ends.
func checkPDFLayout(t *testing.T, s Site, folder, file string, partPages []int) {
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
	breaks, err := pdfobj.Breaks(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range breaks {
		t.Errorf("%s: %s", filepath.Base(file), b)
	}

	// The structure tree has no term of a definition list (Chromium tags
	// it NonStruct): its words, and the headings', as the last line of a
	// page's text are the same fault.
	terms := headingsAndTerms(s, folder)
	for i, last := range lowestLines(t, file) {
		if last != "" && terms[last] {
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
	clusterPage   = regexp.MustCompile(`/klynger/[^/]+/index\.html$`)
)

// headingsAndTerms are the words of every heading and definition term of
// the edition's pages, below folder, that its PDF holds: all but each
// cluster's own page (the PDF has the directory, where a cluster's name is
// a list's item).
func headingsAndTerms(s Site, folder string) map[string]bool {
	out := map[string]bool{}
	for _, p := range s.Pages() {
		if !strings.HasPrefix(p, folder+"/") || clusterPage.MatchString(p) {
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

var (
	bboxPage = regexp.MustCompile(`(?s)<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>`)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
)

// lowestLines is, for each page, the words of the lowest line of its text
// area, by where they stand (pdftotext -bbox), not by the order a table's
// cells are read in; the margins' running head and page number are left
// out.
func lowestLines(t *testing.T, file string) []string {
	out := filepath.Join(t.TempDir(), "bbox.html")
	run(t, "pdftotext", "-bbox", "-enc", "UTF-8", file, out)
	doc, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, page := range bboxPage.FindAllStringSubmatch(string(doc), -1) {
		height := atof(page[2])
		top, foot := height*topMarginMM/pageHeightMM, height*(1-footMarginMM/pageHeightMM)
		type word struct {
			x, bottom float64
			text      string
		}
		var words []word
		lowest := 0.0
		for _, m := range bboxWord.FindAllStringSubmatch(page[3], -1) {
			w := word{atof(m[1]), atof(m[3]), html.UnescapeString(m[4])}
			if atof(m[2]) < top || w.bottom > foot {
				continue
			}
			words = append(words, w)
			lowest = max(lowest, w.bottom)
		}
		var line []word
		for _, w := range words {
			if w.bottom > lowest-3 { // the same line, give or take a descender
				line = append(line, w)
			}
		}
		sort.Slice(line, func(i, j int) bool { return line[i].x < line[j].x })
		var text []string
		for _, w := range line {
			text = append(text, w.text)
		}
		lines = append(lines, strings.Join(text, " "))
	}
	return lines
}

func atof(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
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
