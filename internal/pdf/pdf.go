// Package pdf prints an edition to a PDF: the site's own print page (see
// render.Plan.PrintPage), served from memory on a loopback port to headless
// Chromium, printed with Page.printToPDF as a tagged PDF with a document
// outline, its contents given their page numbers by a second print, and
// its document information and metadata set (see finish).
package pdf

import (
	"context"
	"errors"
	"fmt"
	"html"
	"mime"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"

	"report/internal/render"
)

// Browsers are the names Chromium goes by on the systems the report is
// made on: Debian's package, other distributions', and Google's build on
// GitHub's runners and on macOS.
var Browsers = []string{
	"chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
	"/Applications/Chromium.app/Contents/MacOS/Chromium",
	"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
}

// ErrNoBrowser says that no Chromium was found, and how to get one.
var ErrNoBrowser = errors.New("making the PDF needs Chromium (or Google Chrome), and none was found: " +
	"install it (Debian and Ubuntu: apt-get install chromium), or give its path with --chromium or CHROMIUM")

// FindBrowser returns the browser to print with: the one given, or else
// $CHROMIUM, or else the first of Browsers found.
func FindBrowser(given string) (string, error) {
	for _, c := range []string{given, os.Getenv("CHROMIUM")} {
		if c == "" {
			continue
		}
		p, err := exec.LookPath(c)
		if err != nil {
			return "", fmt.Errorf("%s: %w", c, ErrNoBrowser)
		}
		return p, nil
	}
	for _, c := range Browsers {
		if p, err := exec.LookPath(c); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// Result is an edition printed.
type Result struct {
	PDF    []byte
	Print  []render.File // the print page and its stylesheet, as printed the last time
	Digest string        // render.Plan.PrintDigest of what was printed
	Loaded []string      // the site's files the browser loaded, sorted
	Pages  int
	Prints int // how many times the page was printed until its contents' page numbers held
}

// maxPrints bounds the prints: the contents' numbers are filled in after
// the first, and a number that moves a page moves the numbers again.
const maxPrints = 4

// Lang is the language the PDF declares in its metadata; Chromium takes
// the catalog's from the page's lang attribute.
const Lang = "da"

// Make prints edition year of the planned site with the browser at
// chromium.
func Make(ctx context.Context, plan *render.Plan, year int, chromium string) (*Result, error) {
	meta, err := plan.PrintMeta(year)
	if err != nil {
		return nil, err
	}
	files, err := plan.PrintPage(year, nil)
	if err != nil {
		return nil, err
	}
	srv, err := serve(plan, files)
	if err != nil {
		return nil, err
	}
	defer srv.close()

	tmp, err := os.MkdirTemp("", "report-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(tmp))
	defer cancelAlloc()
	tab, cancelTab := chromedp.NewContext(alloc)
	defer cancelTab()
	tab, cancelTimeout := context.WithTimeout(tab, 5*time.Minute)
	defer cancelTimeout()

	url := srv.url + plan.BasePath() + render.PrintURL(year)
	res := &Result{}
	var numbers map[string]int
	var raw []byte
	for {
		res.Prints++
		if raw, err = print(tab, url); err != nil {
			return nil, fmt.Errorf("printing %s with %s: %w", render.PrintURL(year), chromium, err)
		}
		f, err := parse(raw)
		if err != nil {
			return nil, fmt.Errorf("reading the PDF Chromium printed: %w", err)
		}
		dests, err := f.destinations()
		if err != nil {
			return nil, fmt.Errorf("reading the PDF's destinations: %w", err)
		}
		if pages, err := f.pages(); err == nil {
			res.Pages = len(pages)
		}
		if numbers != nil && sameNumbers(numbers, dests) {
			break
		}
		if res.Prints == maxPrints {
			return nil, fmt.Errorf("the contents' page numbers still moved after %d prints", maxPrints)
		}
		numbers = dests
		if files, err = plan.PrintPage(year, numbers); err != nil {
			return nil, err
		}
		srv.setPrint(files)
	}
	if missing := srv.missingFiles(); len(missing) > 0 {
		return nil, fmt.Errorf("the print page asks for files the site does not have: %s", strings.Join(missing, ", "))
	}
	if strings.Contains(string(raw), srv.url) {
		return nil, fmt.Errorf("the PDF links to the address it was printed from (%s); a link of the print page leads outside the document and the site", srv.url)
	}
	res.Print, res.Loaded = files, srv.loadedFiles()
	if res.Digest, err = plan.PrintDigest(year, res.Loaded); err != nil {
		return nil, err
	}
	if res.PDF, err = finish(raw, meta, Lang, headings(files)); err != nil {
		return nil, fmt.Errorf("setting the PDF's metadata: %w", err)
	}
	return res, nil
}

var (
	headingElem = regexp.MustCompile(`(?s)<h[1-6][^>]*>(.*?)</h[1-6]>`)
	anyTag      = regexp.MustCompile(`<[^>]*>`)
)

// headings are the texts of the print page's headings.
func headings(files []render.File) []string {
	var out []string
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		for _, m := range headingElem.FindAllSubmatch(f.Data, -1) {
			text := html.UnescapeString(anyTag.ReplaceAllString(string(m[1]), ""))
			out = append(out, strings.Join(strings.Fields(text), " "))
		}
	}
	return out
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

// print loads the page, waits for its fonts and prints it: A4 as the
// page's stylesheet says, tagged, with an outline from its headings.
func print(ctx context.Context, url string) ([]byte, error) {
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("document.fonts.ready.then(() => true)", chromedp.EvalAwaitPromise)); err != nil {
		return nil, fmt.Errorf("waiting for the fonts: %w", err)
	}
	return chromedp.Run(ctx, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFOutlineAndTagged(), chromedp.PDFStream()))
}

// server serves the planned site from memory on a loopback port, with the
// print page over it, and notes what the browser asks for.
type server struct {
	url  string
	plan *render.Plan
	http *http.Server
	done chan struct{}

	mu      sync.Mutex
	print   map[string][]byte
	loaded  map[string]bool
	missing map[string]bool
}

func serve(plan *render.Plan, files []render.File) (*server, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("serving the site to the browser: %w", err)
	}
	s := &server{url: "http://" + l.Addr().String(), plan: plan, done: make(chan struct{}),
		loaded: map[string]bool{}, missing: map[string]bool{}}
	s.setPrint(files)
	s.http = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		defer close(s.done)
		s.http.Serve(l)
	}()
	return s, nil
}

func (s *server) close() {
	s.http.Close()
	<-s.done
}

func (s *server) setPrint(files []render.File) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.print = map[string][]byte{}
	for _, f := range files {
		s.print[f.Path] = f.Data
	}
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rel, ok := strings.CutPrefix(r.URL.Path, s.plan.BasePath())
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	s.mu.Lock()
	data, isPrint := s.print[rel]
	s.mu.Unlock()
	if ok && !isPrint {
		var err error
		data, ok, err = s.plan.File(rel)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !ok {
		// Browsers ask for the icon whatever a page says.
		if r.URL.Path != "/favicon.ico" {
			s.missing[r.URL.Path] = true
		}
		http.NotFound(w, r)
		return
	}
	if !isPrint {
		s.loaded[rel] = true
	}
	ct := mime.TypeByExtension(path.Ext(rel))
	if strings.HasPrefix(ct, "text/") && !strings.Contains(ct, "charset") {
		ct += "; charset=utf-8"
	}
	if ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Write(data)
}

func (s *server) loadedFiles() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.loaded))
	for p := range s.loaded {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

func (s *server) missingFiles() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.missing))
	for p := range s.missing {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// Write writes an edition's PDF, what it was made from, and its print page
// into dir, report-pdf's folder, where `report build --pdf dir` finds them
// (see render.Plan.AddPDFs).
func (res *Result) Write(dir string, year int) error {
	files := map[string][]byte{
		render.PDFPath(year):    res.PDF,
		render.DigestPath(year): []byte(res.Digest + "\n" + strings.Join(res.Loaded, "\n") + "\n"),
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
