package serve

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"report/internal/pipeline"
	"report/internal/sitetest"
)

// TestHostHeader sends requests as a page on another site would after
// rebinding its name to 127.0.0.1: the browser connects to the preview but
// sends that site's name as Host. Only the preview's own addresses are
// answered.
func TestHostHeader(t *testing.T) {
	s := New(os.DirFS(sitetest.Dir(t, nil)), pipeline.Options{}, io.Discard)
	s.AllowHost("rapport.local")
	if !s.Rebuild() {
		t.Fatal("the test site does not build")
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	_, port, _ := net.SplitHostPort(u.Host)
	for host, want := range map[string]int{
		"127.0.0.1:" + port:              200,
		"localhost:" + port:              200,
		"LocalHost:" + port:              200,
		"[::1]:" + port:                  200,
		"rapport.local:" + port:          200, // named with --bind
		"evil.example":                   421,
		"evil.example:" + port:           421,
		"localhost":                      421, // port 80, not the preview's
		"localhost:1":                    421,
		"127.0.0.1.evil.example:" + port: 421,
		"localhost.:" + port:             421,
	} {
		for _, p := range []string{"/2016/", Prefix + "reload.js", Prefix + "events", sheet(t, s)} {
			req, _ := http.NewRequest("GET", srv.URL+p, nil)
			req.Host = host
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode == 200 && p == Prefix+"events" {
				resp.Body.Close() // a stream: it never ends by itself
			} else {
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if want == 421 && !strings.Contains(string(body), "this preview answers only at") {
					t.Errorf("Host %q, %s: the refusal does not say why: %.80q", host, p, body)
				}
			}
			if resp.StatusCode != want {
				t.Errorf("Host %q, %s: status %d, want %d", host, p, resp.StatusCode, want)
			}
		}
	}
}
