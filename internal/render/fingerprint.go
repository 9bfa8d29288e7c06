package render

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"report/internal/diag"
	"report/internal/site"
)

// Files of static/ are published under names that carry a hash of their
// content, css/report.css as css/report.3f2a9c1d.css, so that a host may
// let browsers keep them for a year without asking again (see headers.go):
// a changed file is a new address. The templates' url function and the
// style sheets' url(…) name them by their hashed names; a style sheet's
// hash is taken after its references are rewritten, so a changed font
// changes the name of the style sheet that loads it too.
//
// The files of content/ (PDFs and pictures that editors link to) keep
// their names, and so do the files of static/ that are not loaded by pages
// (a font's licence, a text file), and the few that something outside the
// build asks for by name (see hashedTypes and keepsName).

// hashLen is the number of hex digits of SHA-256 in a hashed name: 32 bits,
// ample to tell one version of a file from the next.
const hashLen = 8

// hashedTypes are the extensions of the files of static/ that pages load,
// and that get hashed names: style sheets, scripts, fonts and pictures.
var hashedTypes = []string{".css", ".js", ".mjs", ".woff2", ".woff", ".ttf", ".otf", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico"}

// keepsName reports whether a file of static/, by its path in the site,
// is published under its own name: any file but those of hashedTypes, and
// of those
//
//   - favicon.ico, which browsers and other programs ask for at the root of
//     a host whatever the page says;
//   - pagefind/, where `make publish` has Pagefind write its search bundle
//     over the stand-in, and which the search script imports by that name.
func keepsName(p string) bool {
	return !slices.Contains(hashedTypes, path.Ext(p)) || p == "favicon.ico" || strings.HasPrefix(p, "pagefind/")
}

// hashedName is p with the first hashLen hex digits of sum before its
// extension: css/report.css → css/report.3f2a9c1d.css.
func hashedName(p string, sum []byte) string {
	ext := path.Ext(p)
	return strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum)[:hashLen] + ext
}

// fingerprinted is one file of static/ under its hashed name: a style
// sheet, rewritten and held, or any other file, hashed and copied later
// (its asset compares what it copies with the hash, see contents).
type fingerprinted struct {
	path  string
	sheet bool   // a style sheet, held rewritten in css
	css   []byte // the style sheet with its references rewritten
	asset *asset
}

// fingerprint reads the files of static/ that get hashed names, rewrites
// the references in the style sheets, and records every hashed name in
// the renderer for the url function. exists tells whether the site has a
// file at a path under its own name (pages, content files, kept files of
// static/), for references that need no rewriting.
func (r *Renderer) fingerprint(fsys fs.FS, exists func(string) bool, problems *diag.List) map[string]*fingerprinted {
	out := map[string]*fingerprinted{}
	var sheets []string
	for _, sa := range r.site.Assets {
		if !strings.HasPrefix(sa.Source, site.StaticDir+"/") || keepsName(sa.URL) {
			continue
		}
		a := &asset{source: sa.Source}
		if path.Ext(sa.URL) == ".css" {
			out[sa.URL] = &fingerprinted{sheet: true, asset: a}
			sheets = append(sheets, sa.URL)
			continue
		}
		f, size, prob := a.open(fsys)
		if prob != nil {
			problems.Add(prob)
			continue
		}
		a.sum, prob = a.hash(f, size)
		f.Close()
		if prob != nil {
			problems.Add(prob)
			continue
		}
		a.read, a.size = true, size
		out[sa.URL] = &fingerprinted{path: hashedName(sa.URL, a.sum[:]), asset: a}
	}
	// A style sheet may import another: each is named after the ones it
	// refers to, so they are done in the order their references need.
	state := map[string]int{} // 1 while being rewritten, 2 when done
	var rewrite func(p string) bool
	rewrite = func(p string) bool {
		fp := out[p]
		switch state[p] {
		case 1:
			problems.Errorf(fp.asset.source, 0, 0, "style sheets import each other in a circle; break the circle")
			return false
		case 2:
			return fp.path != ""
		}
		state[p] = 1
		defer func() { state[p] = 2 }()
		f, size, prob := fp.asset.open(fsys)
		if prob != nil {
			problems.Add(prob)
			return false
		}
		src, prob := fp.asset.readAll(f, size)
		f.Close()
		if prob != nil {
			problems.Add(prob)
			return false
		}
		css, ok := r.rewriteCSS(fp.asset.source, p, src, func(target string) (string, bool) {
			t, isHashed := out[target]
			switch {
			case isHashed && path.Ext(target) == ".css":
				if !rewrite(target) {
					return "", false
				}
				return t.path, true
			case isHashed:
				return t.path, t.path != ""
			case exists(target):
				return target, true
			}
			return "", false
		}, problems)
		if !ok {
			return false
		}
		sum := sha256.Sum256(css)
		fp.css, fp.path = css, hashedName(p, sum[:])
		return true
	}
	for _, p := range sheets {
		rewrite(p)
	}
	r.hashed = map[string]string{}
	for p, fp := range out {
		if fp.path != "" {
			r.hashed[p] = fp.path
		}
	}
	return out
}

// cssRef matches a reference in a style sheet: url(…), with or without
// quotes, and @import "…".
var cssRef = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^"')\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)

// rewriteCSS replaces every reference of the style sheet at the site path
// p to a file of the site with the name resolve gives it. A reference to
// another host, a data: URL, or a fragment alone is left as it is; one that
// leads to no file of the site is an error, with its line.
func (r *Renderer) rewriteCSS(source, p string, src []byte, resolve func(string) (string, bool), problems *diag.List) ([]byte, bool) {
	ok := true
	var out []byte
	last := 0
	for _, m := range cssRef.FindAllSubmatchIndex(src, -1) {
		g := slices.IndexFunc([]int{2, 4, 6, 8, 10}, func(i int) bool { return m[i] >= 0 })
		start, end := m[2+2*g], m[3+2*g]
		ref := string(src[start:end])
		if external(ref) {
			continue
		}
		rest := ""
		if i := strings.IndexAny(ref, "?#"); i >= 0 {
			ref, rest = ref[:i], ref[i:]
		}
		target, abs := "", strings.HasPrefix(ref, "/")
		if abs {
			target = path.Clean(strings.TrimPrefix(ref, "/"))
		} else {
			target = path.Join(path.Dir(p), ref)
		}
		name, found := "", false
		if target != ".." && !strings.HasPrefix(target, "../") {
			name, found = resolve(target)
		}
		if !found {
			line := 1 + strings.Count(string(src[:start]), "\n")
			problems.Errorf(source, line, 0, "%q leads to no file of the site (%s); name a file of static/ relative to this style sheet", string(src[start:end]), target)
			ok = false
			continue
		}
		var with string
		if abs {
			with = "/" + name
		} else {
			with = relative(path.Dir(p), name)
		}
		out = append(out, src[last:start]...)
		out = append(out, with+rest...)
		last = end
	}
	return append(out, src[last:]...), ok
}

// external reports whether a reference in a style sheet leads off the
// site, or nowhere: another host or scheme, a data: URL, a fragment.
func external(ref string) bool {
	if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "//") {
		return true
	}
	if i := strings.IndexAny(ref, ":/?#"); i > 0 && ref[i] == ':' {
		return true // a scheme: https:, data:
	}
	return false
}

// relative is the relative reference from the folder dir to the file p,
// both paths in the site: from "css" to "fonts/a.ttf", "../fonts/a.ttf".
func relative(dir, p string) string {
	from := []string{}
	if dir != "." && dir != "" {
		from = strings.Split(dir, "/")
	}
	to := strings.Split(p, "/")
	common := 0
	for common < len(from) && common < len(to)-1 && from[common] == to[common] {
		common++
	}
	return strings.Repeat("../", len(from)-common) + strings.Join(to[common:], "/")
}

// assetURL is the path under which a file of static/ is published: its
// hashed name, or its own.
func (r *Renderer) assetURL(p string) string {
	if h, ok := r.hashed[p]; ok {
		return h
	}
	return p
}

// Hashed returns the published path of the file of static/ at the site
// path p ("css/report.css" → "css/report.3f2a9c1d.css"); ok is false for a
// file that keeps its name, or that the site does not have.
func (p *Plan) Hashed(sitePath string) (string, bool) {
	h, ok := p.r.hashed[sitePath]
	return h, ok
}

// planAssets plans the files beside the pages, once the pages and the
// generated files are claimed: the share images, the files of content/
// under their names, those of static/ under their hashed names (or their
// own, see keepsName), and the hosts' _redirects and _headers.
func (p *Plan) planAssets(fsys fs.FS, claim func(string) bool, problems *diag.List) {
	r := p.r
	p.immutable = map[string]bool{}
	r.shareImages(func(f File) {
		if claim(f.Path) {
			p.files[f.Path], p.immutable[f.Path] = f.Data, true
		}
	}, problems)
	named := map[string]bool{} // files of content/ and static/ under their own names
	for _, a := range r.site.Assets {
		if !strings.HasPrefix(a.Source, site.StaticDir+"/") || keepsName(a.URL) {
			named[a.URL] = true
		}
	}
	fps := r.fingerprint(fsys, func(target string) bool { return named[target] || p.Has(target) }, problems)
	for _, a := range r.site.Assets {
		fp, hashed := fps[a.URL]
		switch {
		case !hashed:
			if claim(a.URL) {
				p.assets[a.URL] = &asset{source: a.Source}
			}
		case fp.path == "": // its problem is reported
		case fp.sheet:
			if claim(fp.path) {
				p.files[fp.path], p.immutable[fp.path] = fp.css, true
			}
		default:
			if claim(fp.path) {
				p.assets[fp.path], p.immutable[fp.path] = fp.asset, true
			}
		}
	}
	if claim(RedirectsFile) {
		p.files[RedirectsFile] = r.redirects()
	}
	if claim(HeadersFile) {
		p.files[HeadersFile] = nil // made from the rendered pages, last (see each)
	}
}
