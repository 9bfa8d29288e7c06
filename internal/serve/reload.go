package serve

import (
	"fmt"
	"html"
	"net/http"
	"strings"
	"time"

	"report/internal/diag"
)

// reloadScript listens for rebuilds and reloads the page. It is the only
// JavaScript the preview adds, and it is never part of the published site.
const reloadScript = `(function () {
  var source = new EventSource("` + Prefix + `events");
  source.addEventListener("rebuild", function () { location.reload(); });
})();
`

// events is a stream of server-sent events: one "rebuild" event after every
// build, good or bad, so an open page shows the new site or the errors.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	// The server's write timeout would cut the stream however well the
	// page reads it; each event gets the timeout afresh instead, so that
	// only a page that stops reading loses its stream.
	rc := http.NewResponseController(w)
	s.mu.Lock()
	timeout, rebuilt := s.streamWrite, s.rebuilt
	s.streams++
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.streams--
		s.mu.Unlock()
	}()
	extend := func() {
		if timeout > 0 {
			_ = rc.SetWriteDeadline(time.Now().Add(timeout))
		}
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	extend()
	_, _ = fmt.Fprint(w, "retry: 500\n\n")
	flusher.Flush()
	// Well within any write timeout, so that a quiet stream is not cut.
	keepAlive := time.NewTicker(15 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.closed:
			return
		case <-keepAlive.C:
			extend()
			_, _ = fmt.Fprint(w, ": keep-alive\n\n")
		case <-rebuilt:
			s.mu.RLock()
			v := s.version
			rebuilt = s.rebuilt
			s.mu.RUnlock()
			extend()
			_, _ = fmt.Fprintf(w, "event: rebuild\ndata: %d\n\n", v)
		}
		flusher.Flush()
	}
}

// errorPage shows a failed build's errors in the browser, in the editors'
// language of file, line and message.
func errorPage(problems []*diag.Problem) []byte {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Fejl i rapporten</title></head>`)
	b.WriteString(`<body style="font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem">`)
	b.WriteString(`<h1>Rapporten kan ikke bygges</h1><p>Ret fejlene herunder; siden genindlæses af sig selv, når filerne er gemt.</p><ul>`)
	for _, p := range problems {
		if p.Severity != diag.Error {
			continue
		}
		b.WriteString(`<li><code>` + html.EscapeString(p.Error()) + `</code></li>`)
	}
	b.WriteString(`</ul><script src="` + Prefix + `reload.js" defer></script></body></html>`)
	return []byte(b.String())
}
