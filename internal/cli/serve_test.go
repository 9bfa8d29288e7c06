package cli

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer the preview's goroutines may write to while the
// test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// serveBriefly starts `report serve` with args, waits until it serves, asks
// the address it printed for the edition's front page, stops it as Ctrl+C
// would, and returns its exit status, stdout and stderr.
func serveBriefly(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	dir, _ := goodSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int)
	go func() {
		done <- Run(ctx, append([]string{"serve", "--root", dir, "--port", "0"}, args...), &stdout, &stderr)
	}()
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(stdout.String(), "serving on"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the preview did not start: %s", stderr.String())
		}
	}
	_, rest, _ := strings.Cut(stdout.String(), "serving on ")
	url, _, _ := strings.Cut(rest, " ")
	resp, err := http.Get(url + "2016/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("%s2016/, the address printed: status %d", url, resp.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		return code, stdout.String(), stderr.String()
	case <-time.After(10 * time.Second):
		t.Fatal("the preview did not stop")
	}
	return 0, "", ""
}

// TestServeWarnsWhenExposed starts the preview on every interface: it says
// once, before it serves, that others can reach it and what they can see.
// On a loopback address it says nothing of the kind.
func TestServeWarnsWhenExposed(t *testing.T) {
	code, stdout, stderr := serveBriefly(t, "--bind", "0.0.0.0")
	const warning = "warning: --bind 0.0.0.0 is not a loopback address"
	if code != ExitOK || strings.Count(stderr, warning) != 1 {
		t.Errorf("exit %d; stderr:\n%s\nwant the warning once", code, stderr)
	}
	for _, what := range []string{"unpublished drafts", "every file", "Host"} {
		if !strings.Contains(stderr, what) {
			t.Errorf("the warning does not mention %q:\n%s", what, stderr)
		}
	}
	if !strings.Contains(stdout, "serving on http://") {
		t.Errorf("stdout: %q", stdout)
	}
	for _, bind := range []string{"127.0.0.1", "localhost"} {
		if _, _, stderr := serveBriefly(t, "--bind", bind); strings.Contains(stderr, "warning") {
			t.Errorf("--bind %s warns:\n%s", bind, stderr)
		}
	}
}
