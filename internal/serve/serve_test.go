package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"report/internal/pipeline"
	"report/internal/sitetest"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// events opens the reload stream and returns a function that waits for the
// next rebuild event.
func events(t *testing.T, url string) func() {
	t.Helper()
	resp, err := http.Get(url + Prefix + "events")
	if err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 100)
	done := make(chan struct{})
	t.Cleanup(func() { close(done); resp.Body.Close() })
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-done:
				return
			}
		}
	}()
	return func() {
		t.Helper()
		timeout := time.After(10 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatal("the event stream closed")
				}
				if l == "event: rebuild" {
					return
				}
			case <-timeout:
				t.Fatal("no rebuild event within 10s of the edit")
			}
		}
	}
}

// watched is the test site in a folder of its own, built, watched until
// the test ends, and served.
func watched(t *testing.T) (string, *Server, *httptest.Server) {
	t.Helper()
	root := sitetest.Dir(t, nil)
	s := New(os.DirFS(root), pipeline.Options{}, io.Discard)
	if !s.Rebuild() {
		t.Fatal("the test site does not build")
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go func() { _ = s.Watch(ctx, root) }()
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)               // after the event stream's cleanup, which closes it
	time.Sleep(100 * time.Millisecond) // let the watcher settle in
	return root, s, srv
}

// TestEditBreakFix is an editor's session: a page is served with the reload
// script, an edit rebuilds and signals a reload, a broken edit shows the
// error in the browser while the server keeps running, and the fix recovers.
func TestEditBreakFix(t *testing.T) {
	root, s, srv := watched(t)

	code, body := get(t, srv.URL+"/2016/tal/")
	if code != 200 || !strings.Contains(body, `<script src="/_report/reload.js" defer></script></body>`) {
		t.Fatalf("page: %d, reload script present: %v", code, strings.Contains(body, "reload.js"))
	}
	next := events(t, srv.URL)
	chapter := filepath.Join(root, "content/2016/tal.md")
	write := func(text string) {
		if err := os.WriteFile(chapter, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	edited := time.Now()
	write("+++\ntitle = \"Tal\"\n+++\nEn ny sætning.\n")
	next()
	t.Logf("edit to reload event: %v", time.Since(edited))
	if _, body := get(t, srv.URL+"/2016/tal/"); !strings.Contains(body, "En ny sætning.") {
		t.Error("the edit does not show after the rebuild")
	}

	write("+++\ntitle = \"Tal\"\nweight = \"ti\"\n+++\nTekst.\n")
	next()
	code, body = get(t, srv.URL+"/2016/tal/")
	if code != 500 || !strings.Contains(body, `content/2016/tal.md:3:1: error: &#34;weight&#34; must be a whole number`) {
		t.Errorf("a broken edit gives %d and %q", code, body)
	}
	if code, _ := get(t, srv.URL+sheet(t, s)); code != 200 {
		t.Error("assets of the last good build are no longer served")
	}

	write("+++\ntitle = \"Tal\"\n+++\nRettet.\n")
	next()
	if code, body := get(t, srv.URL+"/2016/tal/"); code != 200 || !strings.Contains(body, "Rettet.") {
		t.Errorf("the fix did not recover the site: %d", code)
	}
}

// TestOnlyTheSiteIsServed sends requests that try to leave the site.
func TestOnlyTheSiteIsServed(t *testing.T) {
	root := sitetest.Dir(t, nil)
	if err := os.Symlink("/etc/passwd", filepath.Join(root, "static", "passwd")); err != nil {
		t.Fatal(err)
	}
	s := New(os.DirFS(root), pipeline.Options{}, io.Discard)
	s.Rebuild() // fails: the symlink is refused
	srv := httptest.NewServer(s)
	defer srv.Close()
	for _, p := range []string{
		"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
		"/static/passwd", "/passwd", "/..\\..\\etc\\passwd", "/%00",
	} {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			continue // the client refused to send it: fine
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(b), "root:") {
			t.Errorf("%s leaked a file from outside the site", p)
		}
		if resp.StatusCode == 200 {
			t.Errorf("%s: status 200, want 404", p)
		}
	}
}

// TestBasePath serves the site under the sub-path of its base URL.
func TestBasePath(t *testing.T) {
	s := New(os.DirFS(sitetest.Dir(t, nil)), pipeline.Options{BaseURL: "/rapport/"}, io.Discard)
	s.Rebuild()
	srv := httptest.NewServer(s)
	defer srv.Close()
	if code, body := get(t, srv.URL+"/rapport/2016/"); code != 200 || !strings.Contains(body, `href="/rapport`+sheet(t, s)+`"`) {
		t.Errorf("/rapport/2016/: %d", code)
	}
	if code, _ := get(t, srv.URL+"/2016/"); code != 404 {
		t.Errorf("/2016/ outside the base path: %d, want 404", code)
	}
}

// TestDraftPreview previews a chapter copied into a new edition before an
// editor confirms it: the page is served, with the copy's note and the
// places to check on it, where a published build refuses the edition.
func TestDraftPreview(t *testing.T) {
	root := sitetest.Dir(t, nil)
	files := map[string]string{
		"data/editions/2017.toml": "year = 2017\ntitle = \"T\"\nsubtitle = \"Performanceregnskab 2017\"\ndata_year = 2015\nfirst_year = 2014\nclusters = [\"vindkraft\", \"lifestyle-design\", \"aeroe\"]\n",
		"content/2017/_index.md":  "+++\ntitle = \"Forord\"\n+++\nForord.\n",
		"content/2017/tal.md":     "+++\ntitle = \"Tal\"\ncopied_from = 2016\n+++\nI 2015 var der {{klynger}} klynger og 35 ud af dem svarede.\n",
	}
	for name, text := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := pipeline.Run(os.DirFS(root), pipeline.Options{}); err == nil || !strings.Contains(err.Error(), "content/2017/tal.md:3:1: error: copied from edition 2016 and not yet confirmed") {
		t.Fatalf("a published build must refuse the copy; got %v", err)
	}
	s := New(os.DirFS(root), pipeline.Options{}, io.Discard)
	if !s.Rebuild() {
		t.Fatal("the preview refuses the copy")
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	code, body := get(t, srv.URL+"/2017/tal/")
	for _, want := range []string{
		`<h2 id="kladde-titel">Kladde: kopieret fra udgave 2016</h2>`,
		`slet så linjen <code>copied_from = 2016</code> i <code>content/2017/tal.md</code>`,
		`<li><strong>Linje 5:3:</strong> 2015 is one of edition 2016&#39;s years`,
		`<li><strong>Linje 5:39:</strong> &#34;35 ud af&#34; is a count typed for edition 2016`,
		`I 2015 var der <span class="figure">3</span> klynger`,
	} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("the draft page (status %d) lacks %s", code, want)
		}
	}
	if _, body := get(t, srv.URL+"/2016/tal/"); strings.Contains(body, "kladde") {
		t.Error("a confirmed page carries the draft note")
	}
}

// TestFolderRestored deletes a watched folder and makes it again, as a
// checkout of another branch does: an edit in it afterwards still
// rebuilds the preview.
func TestFolderRestored(t *testing.T) {
	root, _, srv := watched(t)
	next := events(t, srv.URL)

	content := filepath.Join(root, "content")
	aside := filepath.Join(t.TempDir(), "content")
	if err := os.Rename(content, aside); err != nil {
		t.Fatal(err)
	}
	next() // the site without content/ fails, and says so
	if err := os.Rename(aside, content); err != nil {
		t.Fatal(err)
	}
	next()
	time.Sleep(100 * time.Millisecond) // the restored folder is watched again
	if err := os.WriteFile(filepath.Join(content, "2016/tal.md"), []byte("+++\ntitle = \"Tal\"\n+++\nEfter gendannelsen.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	next()
	if _, body := get(t, srv.URL+"/2016/tal/"); !strings.Contains(body, "Efter gendannelsen.") {
		t.Error("an edit in a restored folder does not rebuild the preview")
	}
}
