package serve

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"report/internal/cms"
	"report/internal/diag"
	"report/internal/pipeline"
	"report/internal/render"
	"report/internal/site"
)

// Prefix is where the preview's own files live; the site never uses it.
const Prefix = "/_report/"

// keepAssets is how many bytes of assets the preview keeps in memory: the
// report's CSS, font and pictures many times over, but not the gigabytes a
// folder of large PDFs could hold (each is at most site.MaxAssetSize).
const keepAssets = 64 << 20

// Server serves one site folder and rebuilds it on demand.
type Server struct {
	fsys     fs.FS
	opts     pipeline.Options
	basePath string
	log      io.Writer
	// keepAssets is how many bytes of assets a build keeps in memory to
	// serve (see render.Plan.KeepAssets); the rest are read again on request.
	keepAssets int64

	mu       sync.RWMutex
	plan     *render.Plan    // the last good build; its pages render on request
	problems []*diag.Problem // the last build's errors; nil after a good build
	version  int
	// rebuilt is closed by the next rebuild, and replaced: every open
	// event stream waits on the one channel, so a page that leaves leaves
	// nothing behind to clean up.
	rebuilt chan struct{}
	streams int             // open event streams
	hosts   map[string]bool // names a request may give as its Host, besides the preview's addresses
	// streamWrite bounds each write to an event stream (Timeouts.Write).
	streamWrite time.Duration
	closed      chan struct{} // closed by Close, to end the event streams
}

// Close ends every open event stream, so that an http.Server can shut down:
// a stream never goes idle by itself.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.closed:
	default:
		close(s.closed)
	}
}

// New returns a server for the site in fsys. Call Rebuild before serving.
func New(fsys fs.FS, opts pipeline.Options, log io.Writer) *Server {
	base := "/"
	if p, err := site.BasePath(opts.BaseURL); err == nil && opts.BaseURL != "" {
		base = p
	}
	opts.Cache = &site.Cache{} // parsed Markdown kept between rebuilds
	opts.AllowDrafts = true    // a copied chapter previews, with what to check shown on it
	return &Server{fsys: fsys, opts: opts, basePath: base, log: log, keepAssets: keepAssets, rebuilt: make(chan struct{}), closed: make(chan struct{})}
}

// BasePath is the URL path the site is served under.
func (s *Server) BasePath() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.basePath
}

// Rebuild loads and checks the site and, when it is good, swaps it in. Only
// changed files are parsed again, and pages are rendered when a browser asks
// for them, so a rebuild after one edit costs little whatever the site's
// size. It reports what happened to the log, and wakes every page waiting
// for a reload.
func (s *Server) Rebuild() bool {
	start := time.Now()
	plan, warnings, err := pipeline.Prepare(s.fsys, s.opts)
	if err == nil {
		err = plan.KeepAssets(s.keepAssets)
	}
	took := time.Since(start).Round(100 * time.Microsecond)
	for _, w := range warnings {
		if !w.Acknowledged { // answered in the content; the build counts them
			fmt.Fprintln(s.log, w.Error())
		}
	}
	s.mu.Lock()
	if err != nil {
		s.problems = diag.AsList(err)
	} else {
		s.problems, s.plan, s.basePath = nil, plan, plan.BasePath()
	}
	s.version++
	close(s.rebuilt)
	s.rebuilt = make(chan struct{})
	s.mu.Unlock()
	if err != nil {
		fmt.Fprintln(s.log, err.Error())
		fmt.Fprintf(s.log, "report: build failed in %v; the preview shows the errors\n", took)
		return false
	}
	fmt.Fprintf(s.log, "report: rebuilt %d files in %v\n", len(plan.Paths()), took)
	return true
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r) {
		misdirected(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case Prefix + "reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(w, r, "reload.js", time.Time{}, strings.NewReader(reloadScript))
		return
	case Prefix + "events":
		s.events(w, r)
		return
	}
	base := s.BasePath()
	if r.URL.Path == "/" && base != "/" {
		localRedirect(w, r, base, http.StatusFound)
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, base)
	if !ok {
		http.NotFound(w, r)
		return
	}
	s.serveFile(w, r, base, "/"+rest)
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, base, urlPath string) {
	s.mu.RLock()
	plan, problems := s.plan, s.problems
	s.mu.RUnlock()
	if plan == nil {
		s.showErrors(w, problems)
		return
	}
	name, redirect := lookup(plan, urlPath)
	if redirect != "" {
		localRedirect(w, r, base+strings.TrimPrefix(redirect, "/"), http.StatusMovedPermanently)
		return
	}
	// The editors' CMS is served from the last good build even while the
	// site has errors, without the reload script: a reload on each save
	// would throw away the entry being edited.
	inCMS := strings.HasPrefix(name, cms.Dir+"/")
	if problems != nil && isPage(name) && !inCMS {
		s.showErrors(w, problems)
		return
	}
	if f, ok, err := plan.OpenAsset(name); ok {
		s.serveOpen(w, r, name, f, err)
		return
	}
	body, found, err := plan.File(name)
	if err != nil {
		// A template error shows only when the page is drawn.
		s.showErrors(w, diag.AsList(err))
		return
	}
	if !found {
		// http.ServeContent answers only 200, 206 and 304: the site's own
		// 404 page is written as it is.
		body, _, _ = plan.File("404.html")
		if !inCMS {
			body = withReload(body)
		}
		setHeaders(w, "404.html")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write(body) // nothing for HEAD: the server drops it
		return
	}
	if isPage(name) && !inCMS {
		body = withReload(body)
	}
	serveContent(w, r, name, bytes.NewReader(body))
}

// serveOpen copies a large asset to the reader as it reads it, rather than
// reading it whole for every request.
func (s *Server) serveOpen(w http.ResponseWriter, r *http.Request, name string, f fs.File, err error) {
	if err != nil {
		s.showErrors(w, diag.AsList(err))
		return
	}
	defer f.Close()
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		http.Error(w, "the file cannot be served in parts", http.StatusInternalServerError)
		return
	}
	serveContent(w, r, name, rs)
}

// serveContent answers with a file of the site through http.ServeContent,
// which gives a browser the ranges it asks of a PDF or a video, and a HEAD
// request the size alone. It is given no validator (no modification time,
// no ETag): every response is no-store, so a browser keeps none to
// revalidate, an editor always sees the page as it is now, and a range
// asked If-Range is answered with the whole file, as nothing says that the
// file is unchanged.
func serveContent(w http.ResponseWriter, r *http.Request, name string, content io.ReadSeeker) {
	setHeaders(w, name)
	http.ServeContent(w, r, name, time.Time{}, content)
}

// setHeaders sets a response's type and caching. The type comes from the
// extension alone, as a static host's does: sniffed, a file of static/
// that holds markup would be served as a page, outside the site's
// Content-Security-Policy.
func setHeaders(w http.ResponseWriter, name string) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
}

func (s *Server) showErrors(w http.ResponseWriter, problems []*diag.Problem) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	_, _ = w.Write(errorPage(problems))
}

// lookup maps a URL path to a file of the site, or to a redirect that adds
// the slash a folder's URL needs. Anything that tries to climb out is not
// found.
func lookup(plan *render.Plan, urlPath string) (name, redirect string) {
	if strings.Contains(urlPath, "..") || strings.Contains(urlPath, "\\") || strings.ContainsRune(urlPath, 0) {
		return "", ""
	}
	name = strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "." || name == "" {
		return "index.html", ""
	}
	if strings.HasSuffix(urlPath, "/") {
		return name + "/index.html", ""
	}
	if !plan.Has(name) && plan.Has(name+"/index.html") {
		return "", "/" + name + "/" // the cleaned name: "//tal" must not become "//tal/"
	}
	return name, ""
}

// localRedirect redirects to a path on this server. A Location that starts
// with two slashes, or a slash and a backslash (which browsers read as
// one), is another host's address ("//tal/" is http://tal/), so leading
// slashes are collapsed into one whatever built the path.
func localRedirect(w http.ResponseWriter, r *http.Request, target string, code int) {
	http.Redirect(w, r, "/"+strings.TrimLeft(target, "/\\"), code)
}

func isPage(name string) bool {
	return name == "" || strings.HasSuffix(name, ".html")
}

// withReload adds the reload script to a page, just before </body>.
func withReload(page []byte) []byte {
	tag := []byte(`<script src="` + Prefix + `reload.js" defer></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte{}, page...), tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}
