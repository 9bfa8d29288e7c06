package serve

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"report/internal/pipeline"
	"report/internal/sitetest"
)

// waiting is how many event streams the server holds on to.
func waiting(s *Server) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.streams
}

// eventually waits up to five seconds for cond.
func eventually(cond func() bool) bool {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return cond()
}

// TestDepartedClientsAreForgotten opens many event streams and closes them
// again, as pages that are reloaded or closed do: the server forgets each
// as its page leaves, without waiting for a rebuild.
func TestDepartedClientsAreForgotten(t *testing.T) {
	s := New(os.DirFS(sitetest.Dir(t, nil)), pipeline.Options{}, io.Discard)
	s.Rebuild()
	srv := httptest.NewServer(s)
	defer srv.Close()
	const n = 200
	cancels := make([]context.CancelFunc, n)
	for i := range n {
		ctx, cancel := context.WithCancel(context.Background())
		cancels[i] = cancel
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+Prefix+"events", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
	}
	if !eventually(func() bool { return waiting(s) == n }) {
		t.Fatalf("%d streams held with %d pages open", waiting(s), n)
	}
	for _, cancel := range cancels {
		cancel()
	}
	if !eventually(func() bool { return waiting(s) == 0 }) {
		t.Errorf("%d streams still held after every page left", waiting(s))
	}
}
