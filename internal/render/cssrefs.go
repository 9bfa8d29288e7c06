package render

// The references of a style sheet of static/, rewritten to the names the
// files they lead to are published under: a style sheet's own hashed name
// is taken after this, so a changed font renames the sheet that loads it.
// A reference that leads to no file of the site fails the build here, with
// its line, rather than as a broken font in a reader's browser.

import (
	"github.com/tdewolff/minify/v2"
	mincss "github.com/tdewolff/minify/v2/css"

	"path"
	"regexp"
	"slices"
	"strings"

	"report/internal/diag"
)

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

// minifier is tdewolff/minify's, as Hugo minifies with: comments, spaces
// and redundant units out, the rules as they are.
var minifier = func() *minify.M {
	m := minify.New()
	m.AddFunc("text/css", mincss.Minify)
	return m
}()

// minifyCSS is a style sheet as it is published: minified after its
// references are rewritten, so that problems name lines of the sheet as
// the designer wrote it. A sheet the minifier cannot read is published as
// written: it is the designers' trusted code, and a browser reads it.
func minifyCSS(css []byte) []byte {
	out, err := minifier.Bytes("text/css", css)
	if err != nil {
		return css
	}
	return out
}
