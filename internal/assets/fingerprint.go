package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"slices"
	"strings"

	"report/internal/diag"
	"report/internal/site"
	"report/internal/urls"
)

// Files of static/ are published under names that carry a hash of their
// content, css/report.css as css/report.3f2a9c1d.css, so that a host may
// let browsers keep them for a year without asking again (see hostfiles):
// a changed file is a new address. The templates' url function and the
// style sheets' url(…) name them by their hashed names; a style sheet's
// hash is taken after its references are rewritten, so a changed font
// changes the name of the style sheet that loads it too.
//
// The files of content/ (PDFs and pictures that editors link to) keep
// their names, and so do the files of static/ that are not loaded by pages
// (a font's licence, a text file), and the few that something outside the
// build asks for by name (see hashedTypes and KeepsName).

// hashLen is the number of hex digits of SHA-256 in a hashed name: 32 bits,
// ample to tell one version of a file from the next.
const hashLen = 8

// hashedTypes are the extensions of the files of static/ that pages load,
// and that get hashed names: style sheets, scripts, fonts and pictures.
var hashedTypes = []string{".css", ".js", ".mjs", ".woff2", ".woff", ".ttf", ".otf", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico"}

// KeepsName reports whether a file of static/, by its path in the site,
// is published under its own name: any file but those of hashedTypes, and
// of those
//
//   - favicon.ico, which browsers and other programs ask for at the root of
//     a host whatever the page says;
//   - pagefind/, where `make publish` has Pagefind write its search bundle
//     over the stand-in, and which the search script imports by that name.
func KeepsName(p string) bool {
	return !slices.Contains(hashedTypes, path.Ext(p)) || p == "favicon.ico" || strings.HasPrefix(p, urls.Pagefind)
}

// HashedName is p with the first hashLen hex digits of sum before its
// extension: css/report.css → css/report.3f2a9c1d.css.
func HashedName(p string, sum []byte) string {
	ext := path.Ext(p)
	return strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum)[:hashLen] + ext
}

// Hashed is one file of static/ under its hashed name: a style sheet,
// rewritten and held, or any other file, hashed and copied later (its
// File compares what it copies with the hash, see Contents).
type Hashed struct {
	Path  string // its hashed name; "" when it has none, its problem reported
	Sheet bool   // a style sheet, held rewritten in CSS
	CSS   []byte // the style sheet with its references rewritten, minified
	File  *File
}

// Fingerprint reads the files of static/ among list that get hashed
// names, and rewrites the references in the style sheets; it returns each
// one's Hashed by its path in the site. exists tells whether the site has
// a file at a path under its own name (pages, content files, kept files of
// static/), for references that need no rewriting.
func Fingerprint(fsys fs.FS, list []site.Asset, exists func(string) bool, problems *diag.List) map[string]*Hashed {
	out := map[string]*Hashed{}
	var sheets []string
	for _, sa := range list {
		if !strings.HasPrefix(sa.Source, site.StaticDir+"/") || KeepsName(sa.URL) {
			continue
		}
		a := New(sa.Source)
		if path.Ext(sa.URL) == ".css" {
			out[sa.URL] = &Hashed{Sheet: true, File: a}
			sheets = append(sheets, sa.URL)
			continue
		}
		if prob := a.readSum(fsys); prob != nil {
			problems.Add(prob)
			continue
		}
		out[sa.URL] = &Hashed{Path: HashedName(sa.URL, a.sum[:]), File: a}
	}
	sr := &sheetRewriter{fsys: fsys, out: out, exists: exists, problems: problems, state: map[string]int{}}
	for _, p := range sheets {
		sr.rewrite(p)
	}
	return out
}

// readSum hashes a file of static/ for its hashed name, and remembers its
// size and hash, so that the file copied later is checked to be the one
// named (see Contents).
func (a *File) readSum(fsys fs.FS) *diag.Problem {
	f, size, prob := a.open(fsys)
	if prob != nil {
		return prob
	}
	a.sum, prob = a.hash(f, size)
	f.Close()
	if prob != nil {
		return prob
	}
	a.read, a.size = true, size
	return nil
}

// sheetRewriter names the style sheets of static/. A style sheet may import
// another, and is named after the ones it refers to, so each is rewritten
// only once the sheets it refers to are: in the order their references
// need, whatever order they are listed in.
type sheetRewriter struct {
	fsys     fs.FS
	out      map[string]*Hashed
	exists   func(string) bool
	problems *diag.List
	state    map[string]int // 1 while being rewritten, 2 when done
}

// rewrite rewrites the style sheet at the site path p, and those it refers
// to first; ok is false when it has no hashed name, its problem reported.
func (sr *sheetRewriter) rewrite(p string) bool {
	fp := sr.out[p]
	switch sr.state[p] {
	case 1:
		sr.problems.Errorf(fp.File.source, 0, 0, "style sheets import each other in a circle; break the circle")
		return false
	case 2:
		return fp.Path != ""
	}
	sr.state[p] = 1
	defer func() { sr.state[p] = 2 }()
	f, size, prob := fp.File.open(sr.fsys)
	if prob != nil {
		sr.problems.Add(prob)
		return false
	}
	src, prob := fp.File.readAll(f, size)
	f.Close()
	if prob != nil {
		sr.problems.Add(prob)
		return false
	}
	css, ok := rewriteCSS(fp.File.source, p, src, sr.resolve, sr.problems)
	if !ok {
		return false
	}
	css = minifyCSS(css)
	sum := sha256.Sum256(css)
	fp.CSS, fp.Path = css, HashedName(p, sum[:])
	return true
}

// resolve is the name a style sheet's reference to the site path target
// is written with: the hashed name of a file that has one, rewriting a
// style sheet first, or the path itself of a file under its own name.
func (sr *sheetRewriter) resolve(target string) (string, bool) {
	t, isHashed := sr.out[target]
	switch {
	case isHashed && path.Ext(target) == ".css":
		if !sr.rewrite(target) {
			return "", false
		}
		return t.Path, true
	case isHashed:
		return t.Path, t.Path != ""
	case sr.exists(target):
		return target, true
	}
	return "", false
}
