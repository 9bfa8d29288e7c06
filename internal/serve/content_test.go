package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"report/internal/pipeline"
	"report/internal/sitetest"
)

// fetch makes one request with the given headers and returns the response
// with its body read.
func fetch(t *testing.T, method, url string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// served is the test site, built and served.
func served(t *testing.T) (*Server, *httptest.Server) {
	t.Helper()
	s := New(os.DirFS(sitetest.Dir(t, nil)), pipeline.Options{}, io.Discard)
	if !s.Rebuild() {
		t.Fatal("the test site does not build")
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

// TestPagesAsContent asks for a page, a style sheet kept in memory and the
// reload script as a browser and a download manager would: whole, by HEAD,
// and in ranges. Each answer has the preview's headers, HEAD gives the
// size of what GET gives (the page with its reload script), and a range
// is those bytes of it.
func TestPagesAsContent(t *testing.T) {
	s, srv := served(t)
	for path, ctype := range map[string]string{
		"/2016/tal/":         "text/html; charset=utf-8",
		sheet(t, s):          "text/css; charset=utf-8",
		Prefix + "reload.js": "text/javascript; charset=utf-8",
	} {
		whole, body := fetch(t, http.MethodGet, srv.URL+path, nil)
		if whole.StatusCode != http.StatusOK || len(body) < 100 {
			t.Fatalf("GET %s: %d, %d bytes", path, whole.StatusCode, len(body))
		}
		if path == "/2016/tal/" && !strings.Contains(body, `<script src="/_report/reload.js" defer></script></body>`) {
			t.Errorf("GET %s: no reload script before </body>", path)
		}
		want := map[string]string{
			"Content-Type": ctype, "Content-Length": strconv.Itoa(len(body)), "Accept-Ranges": "bytes",
			"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
		}
		if path == Prefix+"reload.js" {
			// The preview's own script, the same for as long as it runs.
			delete(want, "Cache-Control")
			delete(want, "X-Content-Type-Options")
		}
		for h, v := range want {
			if got := whole.Header.Get(h); got != v {
				t.Errorf("GET %s: %s %q, want %q", path, h, got, v)
			}
		}
		if whole.Header.Get("ETag") != "" || whole.Header.Get("Last-Modified") != "" {
			t.Errorf("GET %s: a validator (ETag %q, Last-Modified %q) on a response no one stores", path, whole.Header.Get("ETag"), whole.Header.Get("Last-Modified"))
		}

		head, headBody := fetch(t, http.MethodHead, srv.URL+path, nil)
		if head.StatusCode != http.StatusOK || headBody != "" || head.Header.Get("Content-Length") != strconv.Itoa(len(body)) || head.Header.Get("Content-Type") != ctype {
			t.Errorf("HEAD %s: %d, Content-Length %q, Content-Type %q, %d bytes of body; want 200, %d, %q, none",
				path, head.StatusCode, head.Header.Get("Content-Length"), head.Header.Get("Content-Type"), len(headBody), len(body), ctype)
		}

		part, partBody := fetch(t, http.MethodGet, srv.URL+path, map[string]string{"Range": "bytes=10-49"})
		if want := "bytes 10-49/" + strconv.Itoa(len(body)); part.StatusCode != http.StatusPartialContent || partBody != body[10:50] || part.Header.Get("Content-Range") != want {
			t.Errorf("GET %s, bytes 10-49: %d, Content-Range %q, %.60q; want 206, %q, %q", path, part.StatusCode, part.Header.Get("Content-Range"), partBody, want, body[10:50])
		}
		tail, tailBody := fetch(t, http.MethodGet, srv.URL+path, map[string]string{"Range": "bytes=-20"})
		if tail.StatusCode != http.StatusPartialContent || tailBody != body[len(body)-20:] {
			t.Errorf("GET %s, the last 20 bytes: %d, %.60q; want 206, %q", path, tail.StatusCode, tailBody, body[len(body)-20:])
		}
		if beyond, _ := fetch(t, http.MethodGet, srv.URL+path, map[string]string{"Range": "bytes=" + strconv.Itoa(len(body)+10) + "-"}); beyond.StatusCode != http.StatusRequestedRangeNotSatisfiable {
			t.Errorf("GET %s, a range past the end: %d, want 416", path, beyond.StatusCode)
		}
	}
}

// TestNeverNotModified sends the conditions a browser that kept a page
// would: the preview gives the page whole, for it may have been rebuilt
// since, and a range asked If-Range is answered with the whole page.
func TestNeverNotModified(t *testing.T) {
	_, srv := served(t)
	_, page := fetch(t, http.MethodGet, srv.URL+"/2016/tal/", nil)
	later := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
	for _, h := range []map[string]string{
		{"If-Modified-Since": later},
		{"If-None-Match": `"v1"`},
		{"Range": "bytes=0-9", "If-Range": later},
		{"Range": "bytes=0-9", "If-Range": `"v1"`},
	} {
		resp, body := fetch(t, http.MethodGet, srv.URL+"/2016/tal/", h)
		if resp.StatusCode != http.StatusOK || body != page {
			t.Errorf("GET with %v: %d, %d bytes; want 200 and the whole page", h, resp.StatusCode, len(body))
		}
	}
}

// TestNotFoundPage answers a missing page with the site's 404 page and
// status 404, GET and HEAD alike, with the reload script, but without it
// under admin/, where the CMS lives.
func TestNotFoundPage(t *testing.T) {
	_, srv := served(t)
	resp, body := fetch(t, http.MethodGet, srv.URL+"/findes-ikke/", nil)
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "reload.js") || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" || resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("GET a missing page: %d, %s, %s, reload script %v", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Cache-Control"), strings.Contains(body, "reload.js"))
	}
	head, headBody := fetch(t, http.MethodHead, srv.URL+"/findes-ikke/", nil)
	if head.StatusCode != http.StatusNotFound || headBody != "" || head.Header.Get("Content-Length") != strconv.Itoa(len(body)) {
		t.Errorf("HEAD a missing page: %d, Content-Length %q, %d bytes of body; want 404, %d, none", head.StatusCode, head.Header.Get("Content-Length"), len(headBody), len(body))
	}
	if resp, body := fetch(t, http.MethodGet, srv.URL+"/admin/findes-ikke.js", nil); resp.StatusCode != http.StatusNotFound || strings.Contains(body, "reload.js") {
		t.Errorf("GET a missing file of admin/: %d, reload script %v; want 404 without it", resp.StatusCode, strings.Contains(body, "reload.js"))
	}
}

// TestCMSWithoutReload serves the editors' CMS page as it is: a reload on
// every save would throw away the entry being edited.
func TestCMSWithoutReload(t *testing.T) {
	_, srv := served(t)
	resp, body := fetch(t, http.MethodGet, srv.URL+"/admin/", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "</body>") || strings.Contains(body, "reload.js") {
		t.Errorf("GET /admin/: %d, reload script %v; want 200 without it", resp.StatusCode, strings.Contains(body, "reload.js"))
	}
	if got := resp.Header.Get("Content-Type"); got != "text/html; charset=utf-8" {
		t.Errorf("GET /admin/: Content-Type %q", got)
	}
}
