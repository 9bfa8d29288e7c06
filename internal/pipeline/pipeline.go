// Package pipeline runs a build's stages in order, each in a package of
// its own:
//
//   - load and check: package site reads data/ (through package data),
//     scans content/ and static/, parses each page's front matter and
//     converts its Markdown (package markdown, with the figure language of
//     package figures drawing tables and charts), then assembles the
//     editions and checks every link. Conversion happens as each file is
//     parsed, so the preview's cache keeps a page's HTML with the file it
//     came from and re-converts only what changed.
//   - render: package render parses the templates and plans every file of
//     the site; pages are rendered as they are written, or as the preview
//     asks for them. The share images, whose hashes every page names, are
//     drawn from data/ while content/ loads (render.SharePrefetch).
//   - write: package outdir locks the output folder, and each file is
//     written to a new tree beside it that replaces it only when every
//     file was written, so a failed or interrupted build never leaves a
//     half written site.
//
// Every stage reports its problems to one diag.List, so a build names all
// of them at once.
package pipeline

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"report/internal/cms"
	"report/internal/diag"
	"report/internal/diskfs"
	"report/internal/heapfloor"
	"report/internal/hugepages"
	"report/internal/outdir"
	"report/internal/parallel"
	"report/internal/printpage"
	"report/internal/render"
	"report/internal/site"
	"report/internal/timing"
)

// Options configure a build.
type Options struct {
	BaseURL string           // overrides data/site.toml's base_url when set
	Timing  *timing.Recorder // where the time goes, for --metrics; may be nil
	Cache   *site.Cache      // parsed files kept between builds, for the preview; may be nil
	// AllowDrafts builds copied chapters and editions no editor has
	// confirmed, as the preview does (see site.Options.AllowDrafts).
	AllowDrafts bool
	// PDFDir is the folder report-pdf wrote the editions' PDFs to; when
	// set, each edition's PDF is published and its front page links to it
	// (see printpage.AddPDFs).
	PDFDir string
	// Publishing refuses a site that is not ready for readers (see
	// site.Options.Publishing).
	Publishing bool
	// Reuse has Publish parse only what changed since the last build into
	// the same folder, and keep what it parsed for the next (see keep.go).
	// Without it, a build keeps nothing, and removes what earlier builds
	// kept once it has replaced the folder: for a build no other will
	// follow into the same folder, as in CI, it spares hashing and
	// describing every file, holding the parsed files and writing them out
	// (at 10,000 stories 11 % of the time and 8 % of the memory).
	Reuse bool
	// Fresh, with Reuse, ignores what the last build kept, and keeps what
	// this one made for the next.
	Fresh bool
	// CMSDir is the folder of the editors' CMS bundle (make cms copies
	// Sveltia CMS there from npm); when set, admin/ gets the CMS, and
	// without it a page that says how to get it (see package cms).
	CMSDir string
	// recalled, when not nil, is closed once what the last build kept is
	// read and its drawings recalled: the share images are drawn after it.
	recalled <-chan struct{}
}

// Result is a successful build in memory, with the warnings it produced.
type Result struct {
	Output   render.Output
	Warnings []*diag.Problem
}

// Run loads, checks and renders the site in fsys, which holds content/,
// data/, layouts/ and static/. On failure the error lists every problem (see
// diag.AsList); warnings come back in either case.
func Run(fsys fs.FS, opts Options) (*Result, error) {
	plan, warns, err := Prepare(fsys, opts)
	res := &Result{Warnings: warns}
	if err != nil {
		return res, err
	}
	start := opts.Timing.Now()
	out, err := plan.RenderAll()
	opts.Timing.Stage("render pages, copy files", start)
	if err != nil {
		return res, err
	}
	res.Output = out
	return res, nil
}

// Publish builds the site in fsys straight into the folder dir: each page is
// written to a new tree beside dir as soon as it is rendered, and the tree
// replaces dir only when every page rendered and was written (see
// outdir.Output.Replace). On failure dir is as it was and the new tree
// removed; the error lists every problem of the content, or is the one
// failed write, or ctx's error when ctx was cancelled. It returns the
// warnings and the number of files written: none when the folder already
// held the site (see upToDate).
//
// The output folder is locked first, before the site is read: a second
// build into it waits for this one to finish, and this one repairs what a
// killed build left there, even if it then fails on the content.
func Publish(ctx context.Context, fsys fs.FS, opts Options, dir string) ([]*diag.Problem, int, error) {
	start := opts.Timing.Now()
	out, err := outdir.Open(ctx, dir)
	if err != nil {
		return nil, 0, err
	}
	defer out.Close()
	opts.Timing.Stage("lock the output folder", start)
	// The site this build replaces is kept for the next to fill its tree
	// from, unless the build starts afresh.
	out.Recycle = opts.Reuse && !opts.Fresh
	if opts.Reuse {
		// What the folder holds is judged beside the load: a rebuild that
		// finds it up to date must still refuse a link or a file put there
		// by hand (see outdir.Output.Examined), and one that replaces it
		// has the walk done by then.
		_ = out.Examine() // its refusal is Examined's, or ReplaceWith's
	}
	last := lastBuild{cache: &site.Cache{}} // what the last build kept, for Reuse
	var read chan lastBuild
	if opts.Reuse && opts.Cache == nil {
		opts.Cache = last.cache
		if !opts.Fresh {
			// Read while data/ loads and content/ is scanned (see site.Later).
			read = make(chan lastBuild, 1)
			recalled := make(chan struct{})
			opts.recalled = recalled
			opts.Cache = site.Later(func() *site.Cache {
				start := opts.Timing.Now()
				l := readKept(out)
				close(recalled)
				opts.Timing.Stage("read what the last build kept, beside loading", start)
				read <- l
				return l.cache
			})
		}
	}
	plan, warns, err := Prepare(fsys, opts)
	if read != nil {
		last = <-read
		last.cache = opts.Cache
	}
	if err != nil {
		if opts.Reuse {
			keep(out, last, opts.Cache, last.files, last.prev, nil) // what parsed is as good for the next try
		}
		return warns, 0, err
	}
	if err := ctx.Err(); err != nil {
		return warns, 0, err
	}
	start = opts.Timing.Now()
	if opts.Reuse && upToDate(ctx, plan, out, last.files) {
		opts.Timing.Stage("find the output folder up to date", start)
		keep(out, last, opts.Cache, last.files, last.prev, plan.Paths())
		start = opts.Timing.Now()
		err := out.Examined()
		opts.Timing.Stage("wait for the check of what the folder holds", start)
		if err != nil {
			return warns, 0, err
		}
		return warns, 0, ctx.Err() // nothing written
	}
	var reuse *reuse
	// When filling the new tree ended, before the swap (or the failure).
	var filled timing.Mark
	fillEnded := false
	err = out.ReplaceWith(plan.Paths(), func(tmp string) error {
		defer func() {
			opts.Timing.Stage("render and write pages", start)
			filled, fillEnded = opts.Timing.Now(), true
		}()
		held := out.Recycled()
		if err := makeDirs(ctx, plan.Paths(), tmp, held); err != nil {
			return err
		}
		opts.Timing.Stage("make the new tree's folders", start)
		start = opts.Timing.Now()
		reuse = newReuse(plan.Paths(), last.files, last.prev, held, out.Dir(), tmp)
		take := reuse.take
		if !opts.Reuse {
			take = nil
		}
		err := plan.StreamReusing(ctx, take, func(i int, f render.File) error {
			start := time.Now()
			if opts.Reuse && reuse.same(i, &f) {
				return nil
			}
			reuse.clear(f.Path)
			info, key, err := publishFile(join(tmp, f.Path), f, opts.Reuse)
			opts.Timing.Item("write", f.Path, time.Since(start))
			reuse.wrote(i, key, f.CSP, info)
			return err
		})
		if err != nil {
			return err
		}
		// A body the cache kept without its HTML is converted again when a
		// page shows it; a file that changed meanwhile fails the build.
		return opts.Cache.Err()
	})
	if fillEnded {
		opts.Timing.Stage("swap in the new tree", filled)
	}
	if opts.Reuse {
		start = opts.Timing.Now()
		files, prev := last.files, last.prev
		if err == nil {
			files = reuse.files()
		}
		if out.KeptPrevious() {
			prev = last.files
		}
		keep(out, last, opts.Cache, files, prev, plan.Paths())
		opts.Timing.Stage("keep what the next build may reuse", start)
	} else if err == nil {
		// What an earlier build kept describes the site just replaced.
		_ = out.Forget()
	}
	return warns, len(plan.Paths()), err
}

// Prepare loads and checks the site and plans its files without rendering
// them: the preview server renders pages as they are asked for.
func Prepare(fsys fs.FS, opts Options) (*render.Plan, []*diag.Problem, error) {
	problems := &diag.List{}
	shares := &render.SharePrefetch{After: opts.recalled}
	s := site.Load(fsys, site.Options{BaseURL: opts.BaseURL, Timing: opts.Timing, Cache: opts.Cache, AllowDrafts: opts.AllowDrafts, Publishing: opts.Publishing, DataLoaded: shares.DataLoaded, Scanned: fitHeap}, problems)
	start := opts.Timing.Now()
	r := render.New(fsys, s, render.Options{Timing: opts.Timing, SharePrefetch: shares}, problems)
	opts.Timing.Stage("parse templates", start)
	if err := problems.Err(); err != nil {
		return nil, warnings(problems), err
	}
	start = opts.Timing.Now()
	plan, err := r.Plan(fsys)
	opts.Timing.Stage("plan the files, draw share images", start)
	if err == nil && opts.PDFDir != "" {
		err = printpage.AddPDFs(plan, os.DirFS(opts.PDFDir), opts.PDFDir)
	}
	if err == nil {
		err = addCMS(plan, s, opts.CMSDir)
	}
	return plan, warnings(problems), err
}

// largeSite is how many pages (translations aside) make a site whose build
// outgrows the heap floor cmd/report sets (package heapfloor) soon after
// its scan: about five editions the size of 2016's, which has 36. Held
// through a build of 1,000 stories the floor gained no time and raised
// the peak memory by 4.5 % (51.7 → 54.0 MB, 21 alternating runs); lifted
// when the scan has counted them, neither changed.
const largeSite = 200

// hugeSite is how many pages make a site whose build holds so much that
// collecting less often pays for the memory it costs. A clean build of
// 10,000 stories with the collector at 150 rather than 100 took 2.8 %
// less time and 4.1 % less CPU, and 17.5 % more memory (218 → 256 MB,
// against Hugo's 630: 0.40 of it; at 200, 5 % less time for 33 % more
// memory, 0.46 of Hugo's), benchstat over 7 alternating runs; a rebuild
// after one edit 2.1 % less time, 6.4 % less CPU, 4.3 % more memory (15).
// A site of 1,000 stories already holds 0.47 of what Hugo holds, so a
// site below this keeps the runtime's pacing.
const hugeSite = 5000

// heapPerPage is about the memory a build holds at its peak for each page
// of a huge site: 23–26 KB for clean builds of 10,000 and 30,000 stories.
const heapPerPage = 24 << 10

// fitHeap fits the heap's settings to the size of the site, once its scan
// has counted the pages: it lifts the heap floor, if one is held, for a
// large site (see largeSite); for a huge one it leaves the collector at
// 150 (see hugeSite), and marks for huge pages as much of the heap as the
// build will take, where that is more than cmd/report marked at its start
// (see hugepages.Extend). The floor goes first: lifted, it no longer sets
// the collector's pace, which Extend turns off for a moment.
func fitHeap(pages int) {
	switch {
	case pages > hugeSite:
		heapfloor.LiftTo(150)
		_, _ = hugepages.Extend(pages * heapPerPage) // a speed-up, or nothing
	case pages > largeSite:
		heapfloor.Lift()
	}
}

// addCMS publishes the editors' CMS at admin/, configured from the site.
func addCMS(plan *render.Plan, s *site.Site, dir string) error {
	var bundle fs.FS
	if dir != "" {
		bundle = os.DirFS(dir)
	}
	files, err := cms.Files(s, bundle)
	if err != nil {
		return err
	}
	out := make([]render.File, len(files))
	for i, f := range files {
		out[i] = render.File{Path: f.Path, Data: f.Data}
	}
	return plan.AddTool(cms.Dir, out, cms.CSP)
}

func warnings(l *diag.List) []*diag.Problem {
	var out []*diag.Problem
	for _, p := range l.Problems() {
		if p.Severity == diag.Warning {
			out = append(out, p)
		}
	}
	return out
}

// write replaces the folder dir with the output (see outdir.Replace).
func write(out render.Output, dir string) error {
	return outdir.Replace(context.Background(), dir, func(tmp string) error { return writeTree(out, tmp) })
}

// staleAge is how long a tree of unknown origin may lie beside the output
// before a build removes it (see outdir.StaleAge).
const staleAge = outdir.StaleAge

// writeTree writes the files with a bounded number of writers (see
// parallel.Disk): enough to overlap the file system's latency, few enough
// not to exhaust file handles. Every file is tried and every failure
// reported.
func writeTree(out render.Output, root string) error {
	paths := make([]string, len(out))
	for i, f := range out {
		paths[i] = f.Path
	}
	if err := makeDirs(context.Background(), paths, root, nil); err != nil {
		return err
	}
	errs := make([]error, len(out))
	_ = parallel.Each(context.Background(), parallel.Disk, len(out), func(_ context.Context, i int) error {
		errs[i] = diskfs.WriteFile(filepath.Join(root, filepath.FromSlash(out[i].Path)), out[i].Data)
		return nil
	})
	return errors.Join(errs...)
}

// makeDirs creates every folder the output needs that root does not hold
// already (held, when it was filled from the site before last), parents
// first, with one mkdir each (MkdirAll would first stat every path). One
// at a time: folders made in parallel in one parent contend for its lock.
func makeDirs(ctx context.Context, paths []string, root string, held *outdir.Recycled) error {
	seen := map[string]bool{".": true}
	var dirs []string
	for _, p := range paths {
		if !safePath(p) {
			return fmt.Errorf("refusing to write %q: it would land outside the output folder", p)
		}
		for d := path.Dir(p); !seen[d]; d = path.Dir(d) {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	if held != nil {
		dirs = slices.DeleteFunc(dirs, func(d string) bool { return held.Dirs[d] })
	}
	slices.Sort(dirs) // a parent sorts before its children
	for i, d := range dirs {
		if i%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if err := os.Mkdir(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	return nil
}

// safePath accepts only clean relative paths inside the output folder.
func safePath(p string) bool {
	return p != "" && fs.ValidPath(p) && !strings.Contains(p, "\\")
}

// publishFile is how Publish writes each file: writeFile, or in a test a
// writer that cancels the build part way through.
var publishFile = writeFile

// writeFile writes one file of the site: a page with one write, an asset
// copied from the site folder as render.Plan.Stream hands it out, never
// read whole into memory. For a build that keeps what it wrote (keeping), it
// describes the file as written, and returns its key, for the next build
// to know it again (see reuse.go): a page's key (render.File.Key), or the
// hash of any other file's bytes. A build that keeps nothing does neither:
// hashing the pages of 10,000 stories alone is 100 MB read once more.
func writeFile(name string, f render.File, keeping bool) (fs.FileInfo, [32]byte, error) {
	if !f.Streamed() {
		var key [32]byte
		if keeping {
			if key = f.Key; key == ([32]byte{}) {
				key = sha256.Sum256(f.Data)
			}
		}
		info, err := diskfs.WriteNewFile(name, f.Data, keeping)
		return info, key, err
	}
	out, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, [32]byte{}, err
	}
	if !keeping {
		_, err = f.WriteTo(out)
		return nil, [32]byte{}, errors.Join(err, out.Close())
	}
	h := sha256.New()
	_, err = f.WriteTo(io.MultiWriter(out, h))
	var info fs.FileInfo
	if err == nil {
		info, err = out.Stat()
	}
	return info, [32]byte(h.Sum(nil)), errors.Join(err, out.Close())
}
