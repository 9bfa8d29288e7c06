package serve

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"report/internal/pipeline"
	"report/internal/sitetest"
)

// listen serves s with the timeouts t on a port of its own.
func listen(t *testing.T, s *Server, timeouts Timeouts) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := s.HTTPServer(timeouts)
	go func() { _ = hs.Serve(ln) }()
	t.Cleanup(func() { _ = hs.Close() })
	return ln.Addr().String()
}

// closedWithin waits for the server to close conn, and fails unless it does
// within limit.
func closedWithin(t *testing.T, conn net.Conn, r io.Reader, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	_ = conn.SetReadDeadline(start.Add(limit))
	_, err := r.Read(make([]byte, 1))
	took := time.Since(start)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("the connection was still open after %v", limit)
	}
	if err != io.EOF {
		t.Fatalf("read: %v, want the server to close the connection", err)
	}
	return took
}

// TestIdleConnectionsAreClosed opens a keep-alive connection, makes one
// request and then sits idle, and another that never sends a request: the
// server closes both, so idle connections cannot pile up until the
// process runs out of file descriptors.
func TestIdleConnectionsAreClosed(t *testing.T) {
	s := New(os.DirFS(sitetest.Dir(t, nil)), pipeline.Options{}, io.Discard)
	s.Rebuild()
	addr := listen(t, s, Timeouts{ReadHeader: 300 * time.Millisecond, Idle: 300 * time.Millisecond, Write: 5 * time.Second})

	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET "+Prefix+"reload.js HTTP/1.1\r\nHost: "+addr+"\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Close {
		t.Fatalf("status %d, close %v: want a kept-alive 200", resp.StatusCode, resp.Close)
	}
	t.Logf("idle keep-alive connection closed after %v", closedWithin(t, conn, br, 3*time.Second))

	silent, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	t.Logf("silent connection closed after %v", closedWithin(t, silent, silent, 3*time.Second))
}

// TestEventStreamOutlivesWriteTimeout keeps a page's event stream open past
// the write timeout: the stream is meant to last as long as the page is
// open, and is only cut when a write to it stalls.
func TestEventStreamOutlivesWriteTimeout(t *testing.T) {
	s := New(os.DirFS(sitetest.Dir(t, nil)), pipeline.Options{}, io.Discard)
	s.Rebuild()
	addr := listen(t, s, Timeouts{ReadHeader: time.Second, Idle: time.Second, Write: 200 * time.Millisecond})
	next := events(t, "http://"+addr)
	time.Sleep(600 * time.Millisecond)
	s.Rebuild()
	next() // fails the test if the stream closed
}

// TestRefusedHostOverHTTPServer checks that the server HTTPServer returns
// is the preview itself, with its Host check.
func TestRefusedHostOverHTTPServer(t *testing.T) {
	s := New(os.DirFS(sitetest.Dir(t, nil)), pipeline.Options{}, io.Discard)
	s.Rebuild()
	addr := listen(t, s, DefaultTimeouts)
	req, _ := http.NewRequest("GET", "http://"+addr+"/2016/", nil)
	req.Host = "evil.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest || !strings.Contains(string(b), "misdirected") {
		t.Errorf("%d %q", resp.StatusCode, b)
	}
}
