package sitecheck

import (
	"encoding/binary"
	"strings"
	"testing"
)

const essentialHead = `<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src 'self'">
<meta name="description" content="En side om klyngerne.">
<link rel="icon" href="/favicon.ico" sizes="32x32">
<link rel="apple-touch-icon" href="/icons/t.0123abcd.png">`

const essentialFooter = `<footer>Udgivet af Styrelsen &amp; Co. <a href="https://www.was.digst.dk/example-dk">Tilgængelighedserklæring</a></footer>`

const essentialLD = `<script type="application/ld+json">{"@type":"WebPage","publisher":{"name":"Styrelsen \u0026 Co."}}</script>`

// ico is a minimal ICO file holding one PNG (its signature is enough here).
func ico() string {
	png := "\x89PNG\r\n\x1a\nrest"
	b := []byte{0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(png)))
	b = binary.LittleEndian.AppendUint32(b, 22)
	return string(b) + png
}

func essentialSite(extra map[string]string) Site {
	s := Site{
		"index.html":           []byte("<html><head>" + essentialHead + essentialLD + "</head><body>" + essentialFooter + "</body></html>"),
		"a/index.html":         []byte("<html><head>" + essentialHead + essentialLD + "</head><body>" + essentialFooter + "</body></html>"),
		"favicon.ico":          []byte(ico()),
		"icons/t.0123abcd.png": []byte("png"),
		"_headers": []byte(`# comment
/
  Content-Security-Policy: default-src 'self'; script-src 'self'
  Cache-Control: no-cache
/index.html
  Content-Security-Policy: default-src 'self'; script-src 'self'
  Cache-Control: no-cache
/a/*
  Content-Security-Policy: default-src 'self'; script-src 'self'
  Cache-Control: no-cache
/favicon.ico
  Cache-Control: no-cache
/icons/*
  Cache-Control: public, max-age=31536000, immutable
`),
	}
	for k, v := range extra {
		if v == "DELETE" {
			delete(s, k)
		} else {
			s[k] = []byte(v)
		}
	}
	return s
}

func TestEssentials(t *testing.T) {
	if got := essentialSite(nil).Essentials(); len(got) != 0 {
		t.Fatalf("a good site: %v", got)
	}
	for name, c := range map[string]struct {
		extra map[string]string
		want  string
	}{
		// The planted defects: a favicon gone, a page without description.
		"no favicon":        {map[string]string{"favicon.ico": "DELETE"}, "favicon.ico: missing"},
		"not an ICO":        {map[string]string{"favicon.ico": "\x89PNG\r\n\x1a\n"}, "favicon.ico: not an ICO file"},
		"no description":    {map[string]string{"a/index.html": "<html><head>" + strings.Replace(essentialHead, `<meta name="description" content="En side om klyngerne.">`, "", 1) + "</head><body>" + essentialFooter + "</body></html>"}, "a/index.html: no meta description"},
		"empty description": {map[string]string{"a/index.html": "<html><head>" + strings.Replace(essentialHead, "En side om klyngerne.", " ", 1) + "</head><body>" + essentialFooter + "</body></html>"}, "a/index.html: no meta description"},
		"no touch icon":     {map[string]string{"a/index.html": "<html><head>" + strings.Replace(essentialHead, `rel="apple-touch-icon"`, `rel="x"`, 1) + "</head><body>" + essentialFooter + "</body></html>"}, `a/index.html: no <link rel="apple-touch-icon">`},
		"no statement":      {map[string]string{"a/index.html": "<html><head>" + essentialHead + "</head><body></body></html>"}, `a/index.html: no link "Tilgængelighedserklæring"`},
		"no publisher data": {map[string]string{"a/index.html": "<html><head>" + essentialHead + "</head><body>" + essentialFooter + "</body></html>"}, "a/index.html: no structured data (JSON-LD) naming the publisher"},
		"publisher unnamed": {map[string]string{"a/index.html": "<html><head>" + essentialHead + strings.Replace(essentialLD, `"name"`, `"x"`, 1) + "</head><body>" + essentialFooter + "</body></html>"}, "a/index.html: structured data that names no publisher"},
		"footer without":    {map[string]string{"a/index.html": "<html><head>" + essentialHead + essentialLD + "</head><body><footer>x</footer></body></html>"}, `a/index.html: the footer does not name the publisher, "Styrelsen & Co."`},
	} {
		got := strings.Join(essentialSite(c.extra).Essentials(), "\n")
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: want %q in %q", name, c.want, got)
		}
	}
}

func TestHeaderProblems(t *testing.T) {
	if got := essentialSite(nil).HeaderProblems("/"); len(got) != 0 {
		t.Fatalf("a good site: %v", got)
	}
	good := string(essentialSite(nil)["_headers"])
	for name, c := range map[string]struct{ headers, want string }{
		"overlap":            {good + "/*\n  X-Frame-Options: DENY\n", "/index.html: matches 2 rules"},
		"uncovered":          {strings.Replace(good, "/a/*", "/b/*", 1), "/a/index.html: matches 0 rules"},
		"other policy":       {strings.Replace(good, "/a/*\n  Content-Security-Policy: default-src 'self'", "/a/*\n  Content-Security-Policy: default-src *", 1), `/a/index.html: _headers gives the policy "default-src *; script-src 'self'"`},
		"hashed revalidated": {strings.Replace(good, "public, max-age=31536000, immutable", "no-cache", 1), `/icons/t.0123abcd.png: Cache-Control "no-cache", but the file's name carries a hash`},
		"page immutable":     {strings.Replace(good, "/\n  Content-Security-Policy: default-src 'self'; script-src 'self'\n  Cache-Control: no-cache", "/\n  Content-Security-Policy: default-src 'self'; script-src 'self'\n  Cache-Control: immutable", 1), `/: Cache-Control "immutable", but the file's name carries no hash`},
	} {
		got := strings.Join(essentialSite(map[string]string{"_headers": c.headers}).HeaderProblems("/"), "\n")
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: want %q in\n%s", name, c.want, got)
		}
	}
	if got := essentialSite(map[string]string{"_headers": "DELETE"}).HeaderProblems("/"); got != nil {
		t.Errorf("a site without _headers (GitHub Pages): %v", got)
	}
}

// TestReaders reads what the shipped site's tests read through this
// package: a page's description, icons, footer and policy, an ICO file's
// images and the rules of _headers.
func TestReaders(t *testing.T) {
	page := []byte("<html><head>" + essentialHead + `<link rel="icon" href="/icons/i.svg" type="image/svg+xml">` + "</head><body>" + essentialFooter + "</body></html>")
	if d, ok := Description(page); !ok || d != "En side om klyngerne." {
		t.Errorf("Description = %q, %v", d, ok)
	}
	if _, ok := Description([]byte("<p>x</p>")); ok {
		t.Error("a page without a description has one")
	}
	icons := Icons(page)
	if len(icons) != 3 || icons[0] != (Icon{"icon", "/favicon.ico", ""}) || icons[2] != (Icon{"icon", "/icons/i.svg", "image/svg+xml"}) {
		t.Errorf("Icons = %v", icons)
	}
	if f := Footer(page); !strings.HasPrefix(f, "<footer>") || !strings.HasSuffix(f, "</footer>") {
		t.Errorf("Footer = %q", f)
	}
	if p := PagePolicy(page); p != "default-src 'self'; script-src 'self'" {
		t.Errorf("PagePolicy = %q", p)
	}
	images, err := ReadICO([]byte(ico()))
	if err != nil || len(images) != 1 || images[0].Width != 16 || images[0].Height != 16 || !strings.HasPrefix(string(images[0].Data), "\x89PNG") {
		t.Errorf("ReadICO = %v, %v", images, err)
	}
	rules, problems := ParseHeaders(essentialSite(nil)["_headers"])
	if len(problems) != 0 || len(rules) != 5 || rules[4].Pattern != "/icons/*" || rules[4].Headers["cache-control"] != "public, max-age=31536000, immutable" {
		t.Errorf("ParseHeaders = %v, %v", rules, problems)
	}
	if !rules[4].Matches("/icons/") || !rules[4].Matches("/icons/t.png") || rules[1].Matches("/index.html/x") || !rules[1].Matches("/index.html") {
		t.Error("a rule matches wrongly")
	}
	if _, problems := ParseHeaders([]byte("x\n/\n  no header\n")); len(problems) != 2 {
		t.Errorf("problems: %v", problems)
	}
}
