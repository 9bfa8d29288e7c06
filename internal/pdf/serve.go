package pdf

// Chromium prints a page it loads over HTTP; the planned site is served to
// it from memory, so that nothing is written before the print is known to
// be good, and every file the browser asks for is noted: what it loaded
// goes into the PDF's digest, and what the site lacks fails the print.

import (
	"fmt"
	"maps"
	"mime"
	"net"
	"net/http"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"report/internal/render"
)

// server serves the planned site from memory on a loopback port, with the
// print page over it, and notes what the browser asks for.
type server struct {
	url  string
	plan *render.Plan
	http *http.Server
	done chan struct{}

	mu        sync.Mutex
	printPage map[string][]byte
	loaded    map[string]bool
	missing   map[string]bool
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
	s.printPage = map[string][]byte{}
	for _, f := range files {
		s.printPage[f.Path] = f.Data
	}
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rel, ok := strings.CutPrefix(r.URL.Path, s.plan.BasePath())
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	s.mu.Lock()
	data, isPrint := s.printPage[rel]
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
	return slices.Sorted(maps.Keys(s.loaded))
}

func (s *server) missingFiles() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Sorted(maps.Keys(s.missing))
}

// refuse fails a print whose page asked for files the site does not have,
// or whose PDF, raw, links to the server: such a link would lead nowhere
// once the PDF is published.
func (s *server) refuse(raw []byte) error {
	if missing := s.missingFiles(); len(missing) > 0 {
		return fmt.Errorf("the print page asks for files the site does not have: %s", strings.Join(missing, ", "))
	}
	if strings.Contains(string(raw), s.url) {
		return fmt.Errorf("the PDF links to the address it was printed from (%s); a link of the print page leads outside the document and the site", s.url)
	}
	return nil
}
