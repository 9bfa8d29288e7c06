package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"report/internal/cms"
	"report/internal/sitetest"
)

// TestCMSPage: every build has /admin/, the editors' CMS, kept out of
// search engines, the sitemap and the search index (the shipped site's
// TestCMSHeaders reads the policy of its own that _headers gives it, which
// the pages do not share). Without the CMS's bundle the page says how to
// get it and loads no script; with one it loads the bundle and the
// configuration made from the site.
func TestCMSPage(t *testing.T) {
	out := buildTestSite(t, Options{BaseURL: "https://example.org/"})
	page := out["admin/index.html"]
	for _, want := range []string{`<meta name="robots" content="noindex, nofollow">`, "make edit"} {
		if !strings.Contains(page, want) {
			t.Errorf("admin/index.html without the CMS bundle does not say %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "<script") {
		t.Errorf("admin/index.html without the CMS bundle loads a script:\n%s", page)
	}
	var cfg cms.Config
	if err := json.Unmarshal([]byte(out["admin/config.json"]), &cfg); err != nil || len(cfg.Collections) == 0 {
		t.Errorf("admin/config.json: %v, %d collections", err, len(cfg.Collections))
	}
	if strings.Contains(out["sitemap.xml"], "admin") {
		t.Error("the sitemap lists the CMS")
	}
	// With a bundle, as make cms copies it.
	dir := t.TempDir()
	for name, text := range map[string]string{
		cms.Bundle: "/* the CMS */", "package.json": `{"version": "9.9.9"}`, "locale-da.json": `{"save": "Gem"}`,
		"icons.woff2": "font", ".copied": "",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out = buildTestSite(t, Options{CMSDir: dir})
	page = out["admin/index.html"]
	for _, want := range []string{`<script src="locale-da.js"></script>`, `<script src="sveltia-cms.js"></script>`, `rel="cms-config-url"`} {
		if !strings.Contains(page, want) {
			t.Errorf("admin/index.html with the CMS bundle lacks %s:\n%s", want, page)
		}
	}
	if out["admin/sveltia-cms.js"] != "/* the CMS */" || out["admin/icons.woff2"] != "font" {
		t.Error("the CMS bundle's files are not published under admin/")
	}
	for _, name := range []string{"admin/.copied", "admin/package.json", "admin/locale-da.json"} {
		if _, ok := out[name]; ok {
			t.Errorf("%s is published; it is read, not served", name)
		}
	}
	if l := out["admin/locale-da.js"]; !strings.Contains(l, `"_locale":"da"`) || !strings.Contains(l, `"_version":"9.9.9"`) || !strings.Contains(l, `"save":"Gem"`) {
		t.Errorf("admin/locale-da.js does not hand the CMS its Danish strings for its version:\n%s", l)
	}

	// A bundle without its version is refused, naming what to do.
	if err := os.Remove(filepath.Join(dir, "package.json")); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(sitetest.FS(t, nil), Options{CMSDir: dir}); err == nil || !strings.Contains(err.Error(), "make cms") {
		t.Errorf("a CMS bundle without package.json: %v, want an error that says to run make cms", err)
	}
}

// buildTestSite builds the test site with opts.
func buildTestSite(t *testing.T, opts Options) sitetest.Files {
	t.Helper()
	res, err := Run(sitetest.FS(t, nil), opts)
	if err != nil {
		t.Fatalf("the test site does not build:\n%v", err)
	}
	return files(res.Output)
}
