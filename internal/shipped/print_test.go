package shipped_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"report/internal/printpage"
	"report/internal/render"
)

// madePDFs is report-pdf's folder as it would be for the plan: a PDF of
// 2.1 MB for each of its prints (each edition in each language), with the
// digest of the sources it was made from.
func madePDFs(t *testing.T, plan *render.Plan) fstest.MapFS {
	t.Helper()
	dir := fstest.MapFS{}
	for _, pr := range printpage.Prints(plan) {
		digest, err := printpage.Digest(plan, pr, nil)
		if err != nil {
			t.Fatal(err)
		}
		dir[pr.PDFPath()] = &fstest.MapFile{Data: []byte(strings.Repeat("%PDF", 525_000))}
		dir[pr.DigestPath()] = &fstest.MapFile{Data: []byte(digest + "\n")}
	}
	return dir
}

// printOf is the plan's print of edition year in language code.
func printOf(t *testing.T, plan *render.Plan, year int, code string) printpage.Print {
	t.Helper()
	for _, pr := range printpage.Prints(plan) {
		if pr.Year == year && pr.Lang == code {
			return pr
		}
	}
	t.Fatalf("the plan prints no edition %d in %s", year, code)
	return printpage.Print{}
}

// TestPrintPage renders the shipped edition's print page: every chapter,
// case story and the cluster directory, once, in order, with every link
// leading into the document or to the published site.
func TestPrintPage(t *testing.T) {
	plan := shippedPlan(t, "https://example.org/rapport/")
	files, err := printpage.Page(plan, printOf(t, plan, 2016, "da"), map[string]int{"hvem-er-de": 7, "case-konkurrenter-brander-sig-sammen": 34})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Path != "2016/rapport/index.html" || files[1].Path != "2016/rapport/sider.css" {
		t.Fatalf("files: %v", files)
	}
	page, css := string(files[0].Data), string(files[1].Data)
	order := []string{
		`id="forord"`, `id="introduktion"`, `id="hvem-er-de"`, `id="hvad-laver-de"`, `id="hvad-kommer-der-ud-af-det"`,
		`id="udviklingen-2012-2015"`, `id="cases"`, `id="case-medlemskab-giver-kontakter-og-ny-viden"`, `id="klyngerne"`,
	}
	last := -1
	for _, s := range order {
		i := strings.Index(page, s)
		if i < 0 || strings.Count(page, s) != 1 {
			t.Errorf("%s: %d times", s, strings.Count(page, s))
			continue
		}
		if i < last {
			t.Errorf("%s is out of order", s)
		}
		last = i
	}
	for _, want := range []string{
		`<h2>Speeddating førte til nye samarbejder og produkter</h2>`, // a case story's heading, one level down
		`id="hvem-er-de--fagomraader"`,                                // a chapter's id, prefixed
		`href="#hvem-er-de--fagomraader"`,                             // and the contents' link to it
		`href="https://example.org/rapport/tal/omsaetning/"`,          // a table's row leads to the site
		`<span class="print-toc__page">7</span>`,                      // the contents' page numbers
		`<span class="print-toc__page">34</span>`,
		`257,6`, `11.708`,
		// the head every page of the edition has (_chrome.html's head-*)
		`<meta property="og:locale" content="da_DK">`, `<meta name="twitter:card"`, `<link rel="icon" href=`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the print page lacks %s", want)
		}
	}
	// Only charts are figures: a PDF reader takes a figure for a picture.
	if n, charts := strings.Count(page, "<figure"), strings.Count(page, `<figure class="chart"`); n != charts {
		t.Errorf("%d figures, of which %d charts", n, charts)
	}
	// No link may lead to the address the page is served from while it is
	// printed: only to an id, or to another host.
	for _, m := range regexp.MustCompile(`<a [^>]*href="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[1], "#") && !strings.HasPrefix(m[1], "https://") && !strings.HasPrefix(m[1], "mailto:") {
			t.Errorf("a link leads to %s", m[1])
		}
	}
	for _, want := range []string{
		`@page part-3 { @top-left { content: "Hvem er de?"; } }`,
		`[data-sheet="3"] { page: part-3; }`,
		`@page { @top-right { content: "Performanceregnskab 2016"; } @bottom-right { content: "Side " counter(page) " af " counter(pages) ""; } }`,
	} {
		if !strings.Contains(css, want) {
			t.Errorf("sider.css lacks %s", want)
		}
	}
}

// TestPrintPageNoHost: without a host in the base URL, links to the site's
// pages outside the document lead nowhere, rather than to the address the
// page was printed from.
func TestPrintPageNoHost(t *testing.T) {
	plan := shippedPlan(t, "/")
	files, err := printpage.Page(plan, printOf(t, plan, 2016, "da"), nil)
	if err != nil {
		t.Fatal(err)
	}
	page := string(files[0].Data)
	if strings.Contains(page, `href="/tal/`) || strings.Contains(page, `href="/2016/klynger/`) {
		t.Error("the print page links to pages of the site it does not hold")
	}
	// A PDF is in one language: no hreflang alternates, no switch.
	if strings.Contains(page, "hreflang") || strings.Contains(page, "lang-switch") {
		t.Error("the print page names versions in other languages")
	}
	if strings.Contains(page, `class="print-toc__page"`) {
		t.Error("page numbers without a PDF to take them from")
	}
}

// TestAddPDFs publishes a PDF from report-pdf's folder and links the
// edition's front page to it; a PDF made from other content, or none, is
// refused.
func TestAddPDFs(t *testing.T) {
	plan := shippedPlan(t, "/")
	loaded := []string{"fonts/LICENSE-Roboto.txt"}
	dir := madePDFs(t, plan)
	da := printOf(t, plan, 2016, "da")
	pdf, digest := string(dir[da.PDFPath()].Data), strings.TrimSpace(string(dir[da.DigestPath()].Data))
	if err := printpage.AddPDFs(plan, dir, "pdf"); err != nil {
		t.Fatal(err)
	}
	front, _, err := plan.File("2016/index.html")
	if err != nil {
		t.Fatal(err)
	}
	if want := `<a href="/2016/performanceregnskab-2016.pdf" type="application/pdf">Hent hele rapporten som PDF, 2,1 MB</a>`; !strings.Contains(string(front), want) {
		t.Errorf("the front page lacks %s", want)
	}
	// The English front page links to the English PDF.
	front, _, err = plan.File("en/2016/index.html")
	if err != nil {
		t.Fatal(err)
	}
	if want := `<a href="/en/2016/performanceregnskab-2016.pdf" type="application/pdf">Download the whole report as a PDF, 2.1 MB</a>`; !strings.Contains(string(front), want) {
		t.Errorf("the English front page lacks %s", want)
	}
	if b, ok, _ := plan.File("2016/performanceregnskab-2016.pdf"); !ok || string(b) != pdf {
		t.Error("the PDF is not in the site")
	}

	stale := madePDFs(t, plan)
	stale[da.DigestPath()] = &fstest.MapFile{Data: []byte(digest + "\n" + strings.Join(loaded, "\n"))}
	err = printpage.AddPDFs(shippedPlan(t, "/"), stale, "pdf")
	if err == nil || !strings.Contains(err.Error(), "made from other content") {
		t.Errorf("a PDF made from other styles: %v", err)
	}
	err = printpage.AddPDFs(shippedPlan(t, "/"), fstest.MapFS{}, filepath.Join("x", "pdf"))
	if err == nil || !strings.Contains(err.Error(), "no PDF of edition 2016 (da)") {
		t.Errorf("no PDF: %v", err)
	}
}

// TestFileSize writes sizes in each language's words (i18n/*.toml).
func TestFileSize(t *testing.T) {
	languages := shippedPlan(t, "/").Languages()
	for _, c := range []struct {
		lang int
		n    int64
		want string
	}{{0, 2_149_000, "2,1 MB"}, {0, 560_458, "560 kB"}, {0, 999, "999 byte"}, {0, 1_000_000, "1,0 MB"}, {1, 2_149_000, "2.1 MB"}, {1, 999, "999 bytes"}} {
		l := languages[c.lang].Lang()
		if got := printpage.FileSize(l, c.n); got != c.want {
			t.Errorf("FileSize(%s, %d) = %q, want %q", l.Code, c.n, got, c.want)
		}
	}
}
