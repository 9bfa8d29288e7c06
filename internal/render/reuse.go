package render

// Keys for the pages a later build may reuse: a build that keeps, for each
// page it wrote, the page's key, can take the page it wrote before instead
// of rendering it again, when the key is the same (see package pipeline).
// The key must therefore change whenever anything the page is drawn from
// changes. A page is drawn from its templates, the site's data and
// interface strings, the files of the site (the hashed names of static/
// among them), every content file's front matter (the titles, summaries
// and order that its navigation, lists and language switch show), and
// its own Markdown file whole. A page whose templates name a Body field
// could show any page's body, so its key takes in every content file
// whole.

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"sync"

	"report/internal/lang"
	"report/internal/parallel"
)

// keys are what PageKey computes once for the whole plan.
type keys struct {
	once sync.Once
	site [32]byte // everything but the pages' own files (see siteKey)
	all  [32]byte // every content file whole, of every language
	ok   bool
	// pages are every page's key, by path; a page without one (see
	// PageKey) is not there. A rebuild asks for each key twice, to find
	// the folder up to date and then to take each page: at 10,000
	// stories, the first time 10,000 hashes over again.
	pages map[string][32]byte
}

// PageKey identifies everything the page at path is rendered from; ok is
// false when the path is no page, when the site was loaded without a cache
// (so its content files have no prints), or when the page shows a draft.
// Every page's key is computed when the first is asked for, on every core,
// so that it takes in what was added to the plan after it was made (an
// edition's PDF, see printpage.AddPDFs); a plan is not changed after.
func (p *Plan) PageKey(path string) (key [32]byte, ok bool) {
	p.keys.once.Do(p.pageKeys)
	key, ok = p.keys.pages[path]
	return key, ok
}

// pageKeys computes every page's key (see PageKey).
func (p *Plan) pageKeys() {
	p.siteKey()
	if !p.keys.ok {
		return
	}
	paths := make([]string, 0, len(p.pages))
	jobs := make([]job, 0, len(p.pages))
	for _, path := range p.paths {
		if j, isPage := p.pages[path]; isPage {
			paths, jobs = append(paths, path), append(jobs, j)
		}
	}
	keys := make([][32]byte, len(paths))
	keyed := make([]bool, len(paths))
	_ = parallel.Each(context.Background(), parallel.CPU, len(paths), func(_ context.Context, i int) error {
		keys[i], keyed[i] = p.pageKey(paths[i], jobs[i])
		return nil
	})
	p.keys.pages = make(map[string][32]byte, len(paths))
	for i, path := range paths {
		if keyed[i] {
			p.keys.pages[path] = keys[i]
		}
	}
}

// pageKey is the key of j, the page at path, once the site's is known.
func (p *Plan) pageKey(path string, j job) (key [32]byte, ok bool) {
	if j.data.Draft != nil {
		return key, false
	}
	// Hashed from one buffer on the stack: a key is made for every page.
	var b [512]byte
	buf := append(b[:0], p.keys.site[:]...)
	buf = appendString(buf, j.kind)
	buf = appendString(buf, path)
	if pg := j.data.Page; pg != nil {
		src, found := j.r.site.Prints.Sources[pg.Source]
		if !found {
			return key, false
		}
		buf = append(buf, src[:]...)
	}
	if j.r.templates.readsBodies[j.kind] {
		buf = append(buf, p.keys.all[:]...)
	}
	if pdf := j.data.PDF; pdf != nil {
		buf = appendString(buf, pdf.URL)
		buf = appendString(buf, pdf.Size)
	}
	return sha256.Sum256(buf), true
}

// siteKey hashes what every page of the plan may show besides its own
// file: see the top of this file.
func (p *Plan) siteKey() {
	renderers := append([]*Renderer{p.r}, p.r.versions...)
	site, all := sha256.New(), sha256.New()
	d, l := p.r.site.Data.Fingerprint(), lang.Fingerprint(p.r.site.Langs)
	site.Write(d[:])
	site.Write(l[:])
	for _, r := range renderers {
		prints := r.site.Prints
		if prints == nil {
			return
		}
		writeString(site, r.origin)
		writeString(site, r.basePath)
		writeString(site, r.assetBase)
		writeString(site, r.prefix)
		site.Write(r.templates.sources[:])
		site.Write(prints.Matter[:])
		all.Write(prints.All[:])
	}
	writeInt(site, len(p.paths))
	for _, path := range p.paths {
		writeString(site, path)
	}
	site.Sum(p.keys.site[:0])
	all.Sum(p.keys.all[:0])
	p.keys.ok = true
}

// appendString appends s as writeString writes it.
func appendString(b []byte, s string) []byte {
	return append(binary.LittleEndian.AppendUint64(b, uint64(len(s))), s...)
}

func writeString(h hash.Hash, s string) {
	writeInt(h, len(s))
	h.Write([]byte(s))
}

func writeInt(h hash.Hash, n int) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	h.Write(b[:])
}

// IsPage reports whether the file at path is a page, rendered with the
// templates.
func (p *Plan) IsPage(path string) bool {
	_, ok := p.pages[path]
	return ok
}

// HeadersWith is _headers as the build writes it when the pages have the
// policies given, by path: the pages' policies as the last build kept
// them, to tell whether _headers would change.
func (p *Plan) HeadersWith(csps map[string]string) []byte {
	byIndex := make([]string, len(p.paths))
	for i, path := range p.paths {
		byIndex[i] = csps[path]
	}
	return p.headers(byIndex)
}
