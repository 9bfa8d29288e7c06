package pipeline

import (
	"encoding/gob"
	"io"

	"report/internal/chart"
	"report/internal/outdir"
	"report/internal/program"
	"report/internal/share"
	"report/internal/site"
)

// A build with Options.Reuse keeps beside its output (outdir.Output.Keep)
// what the next build into the same folder can reuse: the parsed content,
// the charts and the share images. The next build then parses only the
// files that changed since, and draws only the charts and images whose
// figures or words changed. What is kept is marked with the program that
// kept it: a build of report with any change of code starts afresh.

// drawings are the charts and share images a build drew or reused, and
// the pages it wrote.
type drawings struct {
	Charts map[[32]byte][]byte
	Shares []share.Image
	Pages  map[string]keptPage
}

// readKept returns the cache the last build into out kept and the pages it
// wrote, and recalls its drawings; or returns an empty cache when it kept
// nothing this program can use.
func readKept(out *outdir.Output) (*site.Cache, map[string]keptPage) {
	self, err := program.Fingerprint()
	if err != nil {
		return &site.Cache{}, nil
	}
	var cache *site.Cache
	var pages map[string]keptPage
	_ = out.ReadKept(func(r io.Reader) error {
		var mark [32]byte
		if _, err := io.ReadFull(r, mark[:]); err != nil || mark != self {
			return nil
		}
		parsed, err := site.ReadCache(r)
		if err != nil {
			return nil
		}
		var d drawings
		if err := gob.NewDecoder(r).Decode(&d); err != nil {
			return nil
		}
		cache, pages = parsed, d.Pages
		chart.Recall(d.Charts)
		share.Recall(d.Shares)
		return nil
	})
	if cache == nil {
		return &site.Cache{}, nil
	}
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
	d := drawings{Charts: chart.Drawn(), Shares: share.Drawn(), Pages: pages}
	_ = out.Keep(func(w io.Writer) error {
		if _, err := w.Write(self[:]); err != nil {
			return err
		}
		if _, err := cache.WriteTo(w); err != nil {
			return err
		}
		return gob.NewEncoder(w).Encode(d)
	})
}
