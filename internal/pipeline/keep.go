package pipeline

import (
	"bytes"
	"io"
	"maps"
	"slices"

	"report/internal/chart"
	"report/internal/outdir"
	"report/internal/program"
	"report/internal/share"
	"report/internal/site"
	"report/internal/wire"
)

// A build with Options.Reuse keeps beside its output (outdir.Output.Keep)
// what the next build into the same folder can reuse: the parsed content,
// the charts and share images, and the key of each page it wrote (see
// reuse.go). The next build then parses only the files that changed since,
// draws only the charts and images whose figures or words changed, and
// renders only the pages whose inputs changed. What is kept is marked with
// the program that kept it: a build of report with any change of code
// starts afresh.

// readKept returns the cache the last build into out kept and the pages it
// wrote, and recalls its drawings; or returns an empty cache when it kept
// nothing this program can use.
func readKept(out *outdir.Output) (*site.Cache, map[string]keptPage) {
	self, err := program.Fingerprint()
	b := out.ReadKept()
	if err != nil || len(b) < len(self) || [32]byte(b[:32]) != self {
		return &site.Cache{}, nil
	}
	r := wire.NewReaderBytes(b[32:])
	cache, err := site.ReadCache(r)
	charts := map[[32]byte][]byte{}
	for range r.Count() {
		charts[r.Key()] = r.Bytes()
	}
	var shares []share.Image
	for range r.Count() {
		c := share.Card{Site: r.String(), Title: r.String(), Prefix: r.String(), Number: r.String(), Text: r.String()}
		shares = append(shares, share.Image{Card: c, PNG: r.Bytes()})
	}
	pages := map[string]keptPage{}
	for range r.Count() {
		path := r.String()
		pages[path] = keptPage{Key: r.Key(), CSP: r.String(), Stamp: fileStamp{
			Dev: uint64(r.Int()), Ino: uint64(r.Int()), Size: r.Int(), ModTime: r.Int(),
		}}
	}
	if err != nil || !r.Done() {
		return &site.Cache{}, nil
	}
	chart.Recall(charts)
	share.Recall(shares)
	return cache, pages
}

// keep writes the cache and the drawings of this build beside out for the
// next, with the pages the output folder holds. Failing to is no failure
// of the build: the next one starts afresh.
func keep(out *outdir.Output, cache *site.Cache, pages map[string]keptPage) {
	self, err := program.Fingerprint()
	if err != nil {
		return
	}
	_ = out.Keep(func(f io.Writer) error {
		if _, err := f.Write(self[:]); err != nil {
			return err
		}
		w := wire.NewWriter(f)
		writeKept(w, cache, pages)
		return w.Flush()
	})
}

// writeKept writes the parsed files, the drawings and the pages.
func writeKept(w *wire.Writer, cache *site.Cache, pages map[string]keptPage) {
	cache.AppendTo(w)
	charts := chart.Drawn()
	w.Int(int64(len(charts)))
	for _, key := range slices.SortedFunc(maps.Keys(charts), func(a, b [32]byte) int { return bytes.Compare(a[:], b[:]) }) {
		w.Key(key)
		w.Bytes(charts[key])
	}
	shares := share.Drawn()
	w.Int(int64(len(shares)))
	for _, im := range shares {
		c := im.Card
		for _, s := range []string{c.Site, c.Title, c.Prefix, c.Number, c.Text} {
			w.String(s)
		}
		w.Bytes(im.PNG)
	}
	w.Int(int64(len(pages)))
	for _, path := range slices.Sorted(maps.Keys(pages)) {
		p := pages[path]
		w.String(path)
		w.Key(p.Key)
		w.String(p.CSP)
		w.Int(int64(p.Stamp.Dev))
		w.Int(int64(p.Stamp.Ino))
		w.Int(p.Stamp.Size)
		w.Int(p.Stamp.ModTime)
	}
}
