package pipeline

import (
	"bytes"
	"crypto/sha256"
	"io"
	"maps"
	"slices"
	"strings"

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

// lastBuild is what the last build into the folder kept.
type lastBuild struct {
	cache *site.Cache
	files map[string]keptFile // by path
	prev  map[string]keptFile // the files of the site before it, kept beside the output (outdir.Recycle)
	rest  [32]byte            // the hash of its drawings and pages as kept: see keep
}

// readKept returns what the last build into out kept, and recalls its
// drawings; or an empty cache when it kept nothing this program can use.
func readKept(out *outdir.Output) lastBuild {
	self, err := program.Fingerprint()
	b := out.ReadKept()
	if err != nil || len(b) < len(self) || [32]byte(b[:32]) != self {
		return lastBuild{cache: &site.Cache{}}
	}
	r := wire.NewReaderBytes(b[32:])
	cache, err := site.ReadCache(r)
	rest := r.Offset()
	n := r.Count() // at most the bytes left, which a damaged file cannot exceed
	charts := make(map[[32]byte][]byte, n)
	for range n {
		charts[r.Key()] = r.Bytes()
	}
	var shares []share.Image
	for range r.Count() {
		c := share.Card{Site: r.String(), Title: r.String(), Prefix: r.String(), Number: r.String(), Text: r.String()}
		shares = append(shares, share.Image{Card: c, PNG: r.Bytes()})
	}
	files := readFiles(r, nil)
	var prev map[string]keptFile
	if r.Int() == 1 {
		// The site before last, as it differs from the last.
		prev = readFiles(r, maps.Clone(files))
		for range r.Count() {
			delete(prev, r.String())
		}
	}
	if err != nil || !r.Done() {
		return lastBuild{cache: &site.Cache{}}
	}
	chart.Recall(charts)
	share.Recall(shares)
	return lastBuild{cache: cache, files: files, prev: prev, rest: sha256.Sum256(b[32+rest:])}
}

// readFiles reads files as writeFiles wrote them, into into (a new map
// when nil).
func readFiles(r *wire.Reader, into map[string]keptFile) map[string]keptFile {
	n := r.Count()
	if into == nil {
		into = make(map[string]keptFile, n)
	}
	for range n {
		path := r.String()
		into[path] = keptFile{Key: r.Key(), CSP: r.String(), Stamp: fileStamp{
			Dev: uint64(r.Int()), Ino: uint64(r.Int()), Size: r.Int(), ModTime: r.Int(),
		}}
	}
	return into
}

// keep writes the cache and the drawings of this build beside out for the
// next, with the pages the output folder holds; or nothing, when all of it
// is as the last build kept it (a rebuild with nothing changed). order is
// the plan's sorted paths, or nil. Failing to write is no failure of the
// build: the next one starts afresh.
func keep(out *outdir.Output, last lastBuild, cache *site.Cache, files, prev map[string]keptFile, order []string) {
	self, err := program.Fingerprint()
	if err != nil {
		return
	}
	// The drawings and pages, hashed as they would be written, tell whether
	// they changed; the parsed files say so themselves, and when they did,
	// as after any build afresh or edit, the file is written whatever the
	// hash says, so it is not worked out (a clean build of 10,000 stories
	// kept in 26 ms rather than 36, medians of 7 alternating runs).
	d := newKept(chart.Drawn(), share.Drawn(), files, prev, order)
	if !cache.Changed() {
		h := sha256.New()
		hw := wire.NewWriter(h)
		d.write(hw)
		if hw.Flush() != nil || [32]byte(h.Sum(nil)) == last.rest {
			return
		}
	}
	_ = out.Keep(func(f io.Writer) error {
		if _, err := f.Write(self[:]); err != nil {
			return err
		}
		w := wire.NewWriter(f)
		cache.AppendTo(w)
		d.write(w)
		return w.Flush()
	})
}

// kept is what keep writes after the parsed files, in the order it writes
// it, worked out once: keep writes it twice, into a hash that tells
// whether it changed, then into the file.
type kept struct {
	charts      map[[32]byte][]byte
	chartKeys   [][32]byte
	shares      []share.Image
	files       map[string]keptFile
	paths       []string            // of files, sorted
	hasPrev     bool                // the site before last is kept beside the output
	prevChanged map[string]keptFile // its files that differ from files
	prevPaths   []string            // of prevChanged, sorted
	gone        []string            // files it does not have, sorted
}

// newKept describes the charts and share images drawn or reused by this
// build, and the files of the site it wrote and of the one before (prev),
// the latter as it differs from the former: one edit apart, by a few.
// order is a sorted list of paths that may hold every file's (the plan's).
func newKept(charts map[[32]byte][]byte, shares []share.Image, files, prev map[string]keptFile, order []string) *kept {
	k := &kept{
		charts:    charts,
		chartKeys: slices.SortedFunc(maps.Keys(charts), func(a, b [32]byte) int { return bytes.Compare(a[:], b[:]) }),
		shares:    shares,
		files:     files,
		paths:     sortedPaths(files, order),
		hasPrev:   prev != nil,
	}
	slices.SortFunc(k.shares, func(a, b share.Image) int {
		return strings.Compare(strings.Join([]string{a.Card.Site, a.Card.Title, a.Card.Prefix, a.Card.Number, a.Card.Text}, "\x00"),
			strings.Join([]string{b.Card.Site, b.Card.Title, b.Card.Prefix, b.Card.Number, b.Card.Text}, "\x00"))
	})
	if prev == nil {
		return k
	}
	k.prevChanged = map[string]keptFile{}
	for path, p := range prev {
		if f, ok := files[path]; !ok || f != p {
			k.prevChanged[path] = p
		}
	}
	k.prevPaths = slices.Sorted(maps.Keys(k.prevChanged))
	for _, path := range k.paths {
		if _, ok := prev[path]; !ok {
			k.gone = append(k.gone, path)
		}
	}
	return k
}

// sortedPaths is the paths of files, sorted: taken in order from order
// when it holds them all, strictly increasing, as the plan's paths hold a
// build's files (sorting 10,000 paths again took 4-7 ms of the end of a
// rebuild, filtering them under 1); sorted afresh otherwise.
func sortedPaths(files map[string]keptFile, order []string) []string {
	paths := make([]string, 0, len(files))
	for i, p := range order {
		if i > 0 && order[i-1] >= p {
			return slices.Sorted(maps.Keys(files))
		}
		if _, ok := files[p]; ok {
			paths = append(paths, p)
		}
	}
	if len(paths) < len(files) {
		return slices.Sorted(maps.Keys(files))
	}
	return paths
}

func (k *kept) write(w *wire.Writer) {
	w.Int(int64(len(k.chartKeys)))
	for _, key := range k.chartKeys {
		w.Key(key)
		w.Bytes(k.charts[key])
	}
	w.Int(int64(len(k.shares)))
	for _, im := range k.shares {
		c := im.Card
		for _, s := range []string{c.Site, c.Title, c.Prefix, c.Number, c.Text} {
			w.String(s)
		}
		w.Bytes(im.PNG)
	}
	writeFiles(w, k.files, k.paths)
	if !k.hasPrev {
		w.Int(0)
		return
	}
	w.Int(1)
	writeFiles(w, k.prevChanged, k.prevPaths)
	w.Int(int64(len(k.gone)))
	for _, path := range k.gone {
		w.String(path)
	}
}

// writeFiles writes files in the order of paths, their paths sorted.
func writeFiles(w *wire.Writer, files map[string]keptFile, paths []string) {
	w.Int(int64(len(paths)))
	for _, path := range paths {
		p := files[path]
		w.String(path)
		w.Key(p.Key)
		w.String(p.CSP)
		w.Int(int64(p.Stamp.Dev))
		w.Int(int64(p.Stamp.Ino))
		w.Int(p.Stamp.Size)
		w.Int(p.Stamp.ModTime)
	}
}
