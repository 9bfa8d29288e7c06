package shipped_test

// What the shipped site hands its host: files under hashed names, a
// _headers that gives every address one rule with its page's policy, the
// redirect of /was, the editors' CMS and the search page with policies of
// their own; and the README's nginx block, which must say the same.
// Package sitecheck reads _headers and the pages' policies.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"report/internal/cms"
	"report/internal/pipeline"
	"report/internal/sitecheck"
	"report/internal/sitetest"
	"report/internal/urls"
)

// hashedFile matches a name that carries the hash of its content.
var hashedFile = regexp.MustCompile(`\.([0-9a-f]{8})\.[a-z0-9]+$`)

// TestHashedNames publishes every style sheet, script, font and picture of
// static/ under a name that carries the hash of its content, and leaves no
// reference to a name without one in any page, style sheet or script.
func TestHashedNames(t *testing.T) {
	out := shippedFiles(t, pipeline.Options{BaseURL: "/rapport/"})
	// The files of static/ that pages load, which must be hashed, but for
	// favicon.ico and Pagefind's bundle, which are asked for by name.
	loaded := []string{".css", ".js", ".ttf", ".woff2", ".svg", ".png", ".jpg", ".ico"}
	var plain []string
	err := fs.WalkDir(shippedFS(), "static", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			return err
		}
		p = strings.TrimPrefix(p, "static/")
		if slices.Contains(loaded, path.Ext(p)) && p != "favicon.ico" && !strings.HasPrefix(p, "pagefind/") {
			plain = append(plain, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(plain) < 6 {
		t.Fatalf("only %d files of static/ to hash: %v", len(plain), plain)
	}
	for _, p := range plain {
		if _, ok := out[p]; ok {
			t.Errorf("%s is published under its own name", p)
		}
		ext := path.Ext(p)
		re := regexp.MustCompile("^" + regexp.QuoteMeta(strings.TrimSuffix(p, ext)) + `\.[0-9a-f]{8}` + regexp.QuoteMeta(ext) + "$")
		found := 0
		for q := range out {
			if re.MatchString(q) {
				found++
			}
		}
		if found != 1 {
			t.Errorf("%s is published under %d hashed names", p, found)
		}
	}
	for q, b := range out {
		// A hashed name is the hash of what it names.
		if m := hashedFile.FindStringSubmatch(q); m != nil {
			sum := sha256.Sum256([]byte(b))
			if hex.EncodeToString(sum[:])[:8] != m[1] {
				t.Errorf("%s: the name's hash is not its content's", q)
			}
		}
		if ext := path.Ext(q); ext != ".html" && ext != ".css" && ext != ".js" {
			continue
		}
		for _, p := range plain {
			// Referred to as a path of the site, or relative to a style sheet.
			for _, ref := range []string{"/rapport/" + p, "../" + p, `"` + p + `"`} {
				if strings.Contains(b, ref) {
					t.Errorf("%s refers to %s by its name without a hash", q, ref)
				}
			}
		}
	}
	sheet, found := "", false
	for q, b := range out {
		if regexp.MustCompile(`^css/report\.[0-9a-f]{8}\.css$`).MatchString(q) {
			sheet, found = b, true
		}
	}
	if !found {
		t.Error("the site has no css/report.<hash>.css")
	} else if sheet == "" {
		t.Error("the style sheet is empty")
	}
	charts := ""
	for q, b := range out {
		if strings.HasPrefix(q, "css/charts.") {
			charts = b
		}
	}
	if !regexp.MustCompile(`url\("?\.\./fonts/RobotoMedium-Latin\.[0-9a-f]{8}\.ttf"?\)`).MatchString(charts) { // minified: quotes may go
		t.Error("charts.css does not load the chart font by its hashed name")
	}
}

// TestHeadersFile reads _headers as Netlify and Cloudflare Pages do: every
// address of the site matches exactly one rule (Cloudflare joins the
// headers of every rule that matches, and two policies would both hold),
// each page's rule carries the policy of its meta tag, hashed files are
// cached for a year and everything else is revalidated.
func TestHeadersFile(t *testing.T) {
	const base = "/rapport/"
	built := shippedSite(t, pipeline.Options{BaseURL: "https://example.org" + base})
	out := built.Files
	rules := headerRules(t, out)
	if len(rules) == 0 || len(rules) > 100 {
		t.Fatalf("_headers has %d rules; Cloudflare Pages reads at most 100", len(rules))
	}
	policies := map[string]bool{}
	for f, b := range built.Site {
		if f == urls.Headers || f == urls.Redirects {
			continue
		}
		addrs := []string{base + f}
		if d, ok := strings.CutSuffix(f, "index.html"); ok {
			addrs = append(addrs, base+d)
		}
		for _, addr := range addrs {
			var hit []sitecheck.HeaderRule
			for _, r := range rules {
				if r.Matches(addr) {
					hit = append(hit, r)
				}
			}
			if len(hit) != 1 {
				t.Errorf("%s matches %d rules of _headers, want one", addr, len(hit))
				continue
			}
			h := hit[0].Headers
			cache := "no-cache"
			if hashedFile.MatchString(f) {
				cache = "public, max-age=31536000, immutable"
			}
			if h["cache-control"] != cache {
				t.Errorf("%s: Cache-Control %q, want %q", addr, h["cache-control"], cache)
			}
			if h["x-content-type-options"] != "nosniff" {
				t.Errorf("%s: no X-Content-Type-Options: nosniff", addr)
			}
			if strings.HasPrefix(f, cms.Dir+"/") {
				// The CMS's policy: in the header whole, in its page but
				// frame-ancestors, which only a header can give.
				if h["content-security-policy"] != cms.CSP || h["x-robots-tag"] != "noindex" {
					t.Errorf("%s: policy %q, X-Robots-Tag %q; want the CMS's policy and noindex", addr, h["content-security-policy"], h["x-robots-tag"])
				}
				if meta := sitecheck.PagePolicy(b); strings.HasSuffix(f, ".html") && (meta == "" || !strings.HasPrefix(cms.CSP, meta)) {
					t.Errorf("%s: the page states the policy %q, not the CMS's", addr, meta)
				}
			} else if strings.HasSuffix(f, ".html") {
				meta := sitecheck.PagePolicy(b)
				if meta == "" || h["content-security-policy"] != meta {
					t.Errorf("%s: the header's policy\n  %q\nis not the meta tag's\n  %q", addr, h["content-security-policy"], meta)
				}
				policies[meta] = true
			} else if h["content-security-policy"] == "" {
				t.Errorf("%s has no Content-Security-Policy", addr)
			}
		}
	}
	t.Logf("%d rules for %d files, %d bytes; the pages state %d policies", len(rules), len(out), len(out[urls.Headers]), len(policies))
}

// TestRedirectsFile sends /was to the accessibility statement, under the
// base path.
func TestRedirectsFile(t *testing.T) {
	out := shippedFiles(t, pipeline.Options{BaseURL: "https://example.org/rapport/"})
	var lines []string
	for line := range strings.Lines(out[urls.Redirects]) {
		if !strings.HasPrefix(line, "#") {
			lines = append(lines, strings.TrimSpace(line))
		}
	}
	if want := "/rapport/was " + shippedStatement + " 302"; !slices.Contains(lines, want) {
		t.Errorf("_redirects lacks %q: %q", want, lines)
	}
}

// TestREADMEServerPolicies keeps the README's nginx block in step with the
// site: its policies must be exactly those of the built _headers, and /was
// must lead where data/site.toml says.
func TestREADMEServerPolicies(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(sitetest.Root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)```nginx\n(.*?)```").FindSubmatch(readme)
	if block == nil {
		t.Fatal("README.md has no nginx block")
	}
	var inREADME []string
	for _, m := range regexp.MustCompile(`add_header Content-Security-Policy "([^"]*)" always;`).FindAllSubmatch(block[1], -1) {
		if !slices.Contains(inREADME, string(m[1])) {
			inREADME = append(inREADME, string(m[1]))
		}
	}
	var inSite []string
	for _, r := range headerRules(t, shippedFiles(t, pipeline.Options{})) {
		if p := r.Headers["content-security-policy"]; !slices.Contains(inSite, p) {
			inSite = append(inSite, p)
		}
	}
	slices.Sort(inREADME)
	slices.Sort(inSite)
	if !slices.Equal(inREADME, inSite) {
		t.Errorf("the README's nginx block sets the policies\n  %s\nthe site's _headers\n  %s", strings.Join(inREADME, "\n  "), strings.Join(inSite, "\n  "))
	}
	if !bytes.Contains(block[1], []byte("location = /was { return 302 "+shippedStatement+"; }")) {
		t.Error("the README's nginx block does not send /was to data/site.toml's accessibility_statement")
	}
}

// TestCMSHeaders: _headers gives the editors' CMS at /admin/ a policy of
// its own, with noindex, and no rule of the report's pages gets the CMS's
// policy (pipeline's TestCMSPage checks the CMS's page and files).
func TestCMSHeaders(t *testing.T) {
	for _, r := range headerRules(t, shippedFiles(t, pipeline.Options{BaseURL: "https://example.org/"})) {
		csp := r.Headers["content-security-policy"]
		inCMS := strings.Contains(r.Pattern, "/"+cms.Dir+"/")
		if !inCMS && strings.Contains(csp, "api.github.com") {
			t.Errorf("%s gets the CMS's policy: %s", r.Pattern, csp)
		}
		if inCMS && (csp != cms.CSP || r.Headers["x-robots-tag"] != "noindex") {
			t.Errorf("%s: policy %q and X-Robots-Tag %q, want the CMS's and noindex", r.Pattern, csp, r.Headers["x-robots-tag"])
		}
	}
}

// TestSearchPage checks the search page as the build leaves it, before
// Pagefind indexes the site: only it loosens the Content-Security-Policy,
// and only as Pagefind needs ('wasm-unsafe-eval', a worker from the site),
// with no inline script; the pages Pagefind should index mark their text,
// and no other page does; the stand-in for Pagefind's bundle is published
// under its own name; and _headers gives pagefind/, where Pagefind's worker
// runs under the policy of its own file, the search page's policy.
func TestSearchPage(t *testing.T) {
	const base = "/rapport/"
	built := shippedSite(t, pipeline.Options{BaseURL: "https://example.org" + base})
	out := built.Files
	page := out[urls.Search+"index.html"]
	if page == "" {
		t.Fatalf("no search page at %s", urls.Search)
	}
	search := sitecheck.PagePolicy([]byte(page))
	for _, want := range []string{"script-src 'self' 'wasm-unsafe-eval';", "; worker-src 'self'"} {
		if !strings.Contains(search, want) {
			t.Errorf("the search page's policy lacks %q: %s", want, search)
		}
	}
	for _, never := range []string{"unsafe-inline", "'unsafe-eval'", "blob:", "*"} {
		if strings.Contains(search, never) {
			t.Errorf("the search page's policy allows %s: %s", never, search)
		}
	}
	if !strings.Contains(page, `<script type="module" src="`+base+`js/search.`) || strings.Count(page, "<script")-strings.Count(page, `<script type="application/ld+json">`) != 1 {
		t.Errorf("the search page should load js/search.js, its one script, from the site")
	}
	if out["pagefind/pagefind.js"] == "" {
		t.Errorf("the stand-in pagefind/pagefind.js is not published under its own name")
	}

	// Which pages Pagefind indexes: an edition's foreword, chapters, case
	// stories, clusters and metrics, and nothing else.
	indexed := map[string]int{}
	for f, b := range built.Site {
		if !strings.HasSuffix(f, ".html") {
			continue
		}
		policy := sitecheck.PagePolicy(b)
		// The editors' CMS has a policy of its own (TestCMSHeaders); the
		// search index must leave it out all the same.
		if readerPage(f) && strings.TrimPrefix(f, "en/") != urls.Search+"index.html" && (strings.Contains(policy, "wasm") || strings.Contains(policy, "worker-src")) {
			t.Errorf("%s loosens its policy as only the search page may: %s", f, policy)
		}
		marked := bytes.Count(b, []byte("data-pagefind-body"))
		kind := pageKind(f)
		switch {
		case kind == "" && marked != 0:
			t.Errorf("%s is marked for the search index, but is not an edition's front page, a chapter, case, cluster or metric page", f)
		case kind != "" && marked != 1:
			t.Errorf("%s, a %s page, has %d elements marked data-pagefind-body, want 1", f, kind, marked)
		}
		indexed[kind]++
	}
	for _, kind := range []string{"edition", "chapter", "case", "cluster", "metric"} {
		if indexed[kind] == 0 {
			t.Errorf("no %s page found to check", kind)
		}
	}

	rules := headerRules(t, out)
	for _, f := range []string{"pagefind/pagefind.js", "pagefind/pagefind-worker.js", "pagefind/wasm.da.pagefind"} {
		var got []string
		for _, r := range rules {
			if r.Matches(base + f) {
				got = append(got, r.Headers["content-security-policy"])
			}
		}
		if len(got) != 1 || got[0] != search {
			t.Errorf("_headers gives %s%s the policies %q, want the search page's alone:\n  %q", base, f, got, search)
		}
	}
}

// pageKind tells the pages the search index holds by their paths in the
// shipped site: "chapter", "case", "cluster" or "metric", or "".
func pageKind(f string) string {
	f = strings.TrimPrefix(f, "en/") // the English pages are of the same kinds
	parts := strings.Split(strings.TrimSuffix(f, "index.html"), "/")
	if f == "tal/data/index.html" {
		return "" // the page about the open data, among the metrics' pages but none of them
	}
	switch {
	case len(parts) == 2 && len(parts[0]) == 4 && parts[0] >= "2000" && parts[0] <= "2999":
		return "edition"
	case len(parts) == 3 && parts[0] == "tal":
		return "metric"
	case len(parts) == 4 && parts[1] == "cases":
		return "case"
	case len(parts) == 4 && parts[1] == "klynger":
		return "cluster"
	case len(parts) == 3 && len(parts[0]) == 4 && parts[0] >= "2000" && parts[0] <= "2999" && parts[1] != "cases" && parts[1] != "klynger":
		return "chapter"
	}
	return ""
}
