package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"report/internal/pipeline"
	"report/internal/sitetest"
)

// TestRedirectsStayOnSite asks for folders without their slash in ways that
// a naive redirect would turn into another site's address: "//tal" answered
// with "Location: //tal/" sends the browser to the host "tal".
func TestRedirectsStayOnSite(t *testing.T) {
	for _, base := range []string{"", "/rapport/"} {
		s := New(os.DirFS(sitetest.Dir(t, nil)), pipeline.Options{BaseURL: base}, io.Discard)
		if !s.Rebuild() {
			t.Fatal("the test site does not build")
		}
		srv := httptest.NewServer(s)
		defer srv.Close()
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		prefix := strings.TrimSuffix(base, "/")
		for _, p := range []string{
			"/tal", "//tal", "///tal", "//2016/tal", "/2016//tal", "//2016//tal",
			"/.//tal", "//tal/", "/", "//", "/%2F%2Ftal", "/%5C%5Ctal", "//%5Ctal",
		} {
			resp, err := client.Get(srv.URL + prefix + p)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			loc := resp.Header.Get("Location")
			if resp.StatusCode < 300 || resp.StatusCode > 399 {
				if loc != "" {
					t.Errorf("%s%s: status %d with Location %q", prefix, p, resp.StatusCode, loc)
				}
				continue
			}
			u, err := url.Parse(loc)
			if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(loc, "/") ||
				strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") || !strings.HasPrefix(loc, "/"+strings.TrimPrefix(base, "/")) {
				t.Errorf("%s%s: Location %q leaves the site", prefix, p, loc)
			}
			if target, _ := url.Parse(srv.URL); target.ResolveReference(u).Host != target.Host {
				t.Errorf("%s%s: Location %q resolves to another host", prefix, p, loc)
			}
		}
		// The one the attack used, exactly.
		resp, err := client.Get(srv.URL + prefix + "//tal")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if want := prefix + "/tal/"; resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != want {
			t.Errorf("%s//tal: %d %q, want 301 to %s", prefix, resp.StatusCode, resp.Header.Get("Location"), want)
		}
	}
}

// TestLocalRedirect gives the redirect helper the paths a base URL or a
// lookup could produce at worst: each stays a path on this server.
func TestLocalRedirect(t *testing.T) {
	for target, want := range map[string]string{
		"//evil.example/": "/evil.example/",
		"/\\evil.example": "/evil.example",
		"\\\\evil":        "/evil",
		"/rapport/tal/":   "/rapport/tal/",
		"":                "/",
	} {
		w := httptest.NewRecorder()
		localRedirect(w, httptest.NewRequest("GET", "/x", nil), target, http.StatusFound)
		if got := w.Header().Get("Location"); got != want {
			t.Errorf("%q: Location %q, want %q", target, got, want)
		}
	}
}
