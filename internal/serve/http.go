package serve

import (
	"net/http"
	"time"
)

// Timeouts bound how long one connection may hold on to the preview, so that
// connections left open, by a browser's keep-alive or on purpose, cannot
// pile up until the process runs out of file descriptors.
type Timeouts struct {
	ReadHeader time.Duration // for a request's headers to arrive, on a new connection too
	Idle       time.Duration // for the next request on a kept-alive connection
	// Write bounds writing a response; the event stream, which lasts as
	// long as its page is open, is given it afresh for each event.
	Write time.Duration
}

// DefaultTimeouts are the preview's: generous for one editor's browser, and
// long enough for the largest asset (site.MaxAssetSize) over a slow network.
var DefaultTimeouts = Timeouts{ReadHeader: 10 * time.Second, Idle: 30 * time.Second, Write: time.Minute}

// HTTPServer returns an http.Server that serves the preview with the
// timeouts t, and ends its event streams when it shuts down (a stream
// never goes idle by itself).
func (s *Server) HTTPServer(t Timeouts) *http.Server {
	s.mu.Lock()
	s.streamWrite = t.Write
	s.mu.Unlock()
	srv := &http.Server{Handler: s, ReadHeaderTimeout: t.ReadHeader, IdleTimeout: t.Idle, WriteTimeout: t.Write}
	srv.RegisterOnShutdown(s.Close)
	return srv
}
