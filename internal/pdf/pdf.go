package pdf

// Make is the print of one edition from start to end: the page served, the
// browser started, the page printed until its contents' page numbers hold,
// the print checked and finished; Write puts the result where the build
// finds it.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"report/internal/pdfobj"
	"report/internal/printpage"
	"report/internal/render"
)

// Result is an edition printed.
type Result struct {
	PDF    []byte
	Print  []render.File // the print page and its stylesheet, as printed the last time
	Digest string        // printpage.Digest of what was printed
	Loaded []string      // the site's files the browser loaded, sorted
	Pages  int
	Prints int // how many times the page was printed until its contents' page numbers held
	// Breaks are the print's bad page breaks (see pdfobj.Breaks): the
	// stylesheet forbids them, so each is a fault of the print's layout to
	// fix.
	Breaks []pdfobj.BreakProblem
}

// maxPrints bounds the prints: the contents' numbers are filled in after
// the first, and a number that moves a page moves the numbers again.
const maxPrints = 4

// Make prints one print of the planned site, an edition in one language,
// with the browser at chromium. The PDF declares the print's language in
// its metadata; Chromium takes the catalog's from the page's lang.
func Make(ctx context.Context, plan *render.Plan, pr printpage.Print, chromium string) (*Result, error) {
	meta, err := printpage.MetaOf(plan, pr)
	if err != nil {
		return nil, err
	}
	files, err := printpage.Page(plan, pr, nil)
	if err != nil {
		return nil, err
	}
	srv, err := serve(plan, files)
	if err != nil {
		return nil, err
	}
	defer srv.close()
	tab, stopBrowser, err := startBrowser(ctx, chromium)
	if err != nil {
		return nil, err
	}
	defer stopBrowser()

	res := &Result{}
	p := &printing{tab: tab, srv: srv, plan: plan, edition: pr, chromium: chromium}
	raw, files, err := p.untilNumbersHold(files, res)
	if err != nil {
		return nil, err
	}
	if err := srv.refuse(raw); err != nil {
		return nil, err
	}
	res.Print, res.Loaded = files, srv.loadedFiles()
	if res.Digest, err = printpage.Digest(plan, pr, res.Loaded); err != nil {
		return nil, err
	}
	if res.PDF, err = finish(raw, meta, pr.Lang, files); err != nil {
		return nil, fmt.Errorf("finishing the PDF: %w", err)
	}
	if res.Breaks, err = pdfobj.Breaks(res.PDF); err != nil {
		return nil, fmt.Errorf("reading the PDF's page breaks: %w", err)
	}
	return res, nil
}

// printing is the print page of one edition, served to a browser's tab.
type printing struct {
	tab      context.Context
	srv      *server
	plan     *render.Plan
	edition  printpage.Print
	chromium string
}

// untilNumbersHold prints the page, files, and prints it again with the
// contents' page numbers the print gave, until a print gives the numbers it
// was made with. It returns the last print and the page it was made from,
// and counts the prints and the pages in res.
func (p *printing) untilNumbersHold(files []render.File, res *Result) ([]byte, []render.File, error) {
	url := p.srv.url + p.plan.BasePath() + p.edition.URL()
	var numbers map[string]int
	for {
		res.Prints++
		raw, err := printToPDF(p.tab, url)
		if err != nil {
			return nil, nil, fmt.Errorf("printing %s with %s: %w", p.edition.URL(), p.chromium, err)
		}
		f, err := pdfobj.Parse(raw)
		if err != nil {
			return nil, nil, fmt.Errorf("reading the PDF Chromium printed: %w", err)
		}
		dests, err := f.Destinations()
		if err != nil {
			return nil, nil, fmt.Errorf("reading the PDF's destinations: %w", err)
		}
		if res.Pages, err = f.PageCount(); err != nil {
			return nil, nil, fmt.Errorf("counting the PDF's pages: %w", err)
		}
		if numbers != nil && sameNumbers(numbers, dests) {
			return raw, files, nil
		}
		if res.Prints == maxPrints {
			return nil, nil, fmt.Errorf("the contents' page numbers still moved after %d prints", maxPrints)
		}
		numbers = dests
		if files, err = printpage.Page(p.plan, p.edition, numbers); err != nil {
			return nil, nil, err
		}
		p.srv.setPrint(files)
	}
}

// sameNumbers reports whether every destination is on the page it was.
func sameNumbers(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// Write writes an edition's PDF, what it was made from, and its print page
// into dir, report-pdf's folder, where `report build --pdf dir` finds them
// (see printpage.AddPDFs).
func (res *Result) Write(dir string, pr printpage.Print) error {
	files := map[string][]byte{
		pr.PDFPath():    res.PDF,
		pr.DigestPath(): []byte(res.Digest + "\n" + strings.Join(res.Loaded, "\n") + "\n"),
	}
	for _, f := range res.Print {
		files[f.Path] = f.Data
	}
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
