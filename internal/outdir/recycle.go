package outdir

// A rebuild after one edit changes a few files of thousands, yet a new
// tree made from nothing needs every folder made, every unchanged file
// linked in, and the tree it replaced deleted: at 10,000 stories, half of
// such a rebuild. So a build with Recycle set keeps the site it swapped
// out beside the output, .<dir>.prev, with the list of its files,
// .<dir>.prev.files, and the next build fills its new tree from that
// site instead: it removes what the new site no longer has, and its fill
// replaces what changed (see package pipeline, which knows each kept
// file's stamp) and leaves the rest in place. The swap stays whole.
//
// The kept site is walked, as the output is (see CheckContents), beside
// the load, and more strictly: one holding a file not on its list, a
// link, or anything but folders and files, is removed, not used.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Recycled is what a new tree filled from the kept site holds when the
// fill starts: only files and folders the new site has too.
type Recycled struct {
	Files map[string]bool // slash-separated paths
	Dirs  map[string]bool
}

// prevWalk is what the walk of the kept site found.
type prevWalk struct {
	tree *tree
	err  error
}

func (o *Output) prevDir() string  { return filepath.Join(o.parent, "."+o.base+".prev") }
func (o *Output) prevList() string { return filepath.Join(o.parent, "."+o.base+".prev.files") }
func (o *Output) prevTree() string { return filepath.Join(o.parent, "."+o.base+".prev.tree") }

// recordPath is where the build that wrote the output dir records its
// folders, .<dir>.tree, for the next check of dir (see recordOutput).
func recordPath(dir string) string {
	return filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".tree")
}

var (
	errStopped = errors.New("stopped")                        // by Examined: the build writes nothing
	errNoPrev  = errors.New("no site kept beside the output") // or nothing a build made: keepPrev deals with it
)

// examinePrev returns the walk of the kept site, for Examine to run after
// its own, and sets prevWalked to wait for it.
func (o *Output) examinePrev() (walk func()) {
	o.prevWalked = nil
	o.stopPrev.Store(false)
	if !o.Recycle {
		return func() {}
	}
	done := make(chan prevWalk, 1)
	o.prevWalked = sync.OnceValue(func() prevWalk { return <-done })
	return func() { done <- o.walkPrev() }
}

// walkPrev judges the kept site by the list of its files.
func (o *Output) walkPrev() prevWalk {
	dir := o.prevDir()
	if info, err := os.Lstat(dir); err != nil || !info.IsDir() {
		return prevWalk{err: errNoPrev}
	}
	listed, err := readListAt(o.prevList())
	if err == nil && !listed.ok {
		err = errors.New("no list of its files")
	}
	if err != nil {
		return prevWalk{err: err}
	}
	c := &check{out: dir, strict: true, stop: &o.stopPrev, record: readRecord(o.prevTree())}
	t, err := c.holdsOthersFiles(listed.files, true)
	return prevWalk{tree: t, err: err}
}

// The walk of the output that a build kept as the site before last
// stamped each folder (see holdsOthersFiles), and the build records that
// tree beside the kept site; the next build then need not read every
// folder again. A folder's entries are as that walk read them while it is
// the same folder with the same change time, and that time was not within
// the file system's clock tick of the walk: one fstatat a folder instead
// of reading it (see walkBelow). Only the top, which the swap's renames
// give a new time, and a folder whose stamp moved are read again. (The
// files themselves are each checked by the build that leaves them in
// place, see package pipeline.)

// windowOf is timeWindow, or in a test a window that trusts any time.
var windowOf = timeWindow

// writeStampedTree writes t, a tree as a check found it, every folder
// stamped, to p: the kept site's record (.prev.tree) and the output's
// (.tree) alike, in one format whose header still names the first; nothing
// when the check did not stamp every folder.
func writeStampedTree(p, dir string, t *tree) error {
	if t == nil || t.began == 0 {
		return nil
	}
	// Appended into a buffer sized for it, each path built on its
	// folder's, and quoted only where a name needs it: at 10,000 stories a
	// record took 15 ms printed, 8 ms appended with a path made for each
	// entry.
	files, dirs, paths := t.size()
	b := make([]byte, 0, 64+files*5+dirs*48+paths)
	b = fmt.Appendf(b, "report-prev-tree 1 %d %d\n", t.began, windowOf(dir))
	var path []byte // the folder being written, with a slash, then each entry's name
	var write func(t *tree)
	write = func(t *tree) {
		folder := len(path)
		for _, f := range t.files {
			path = append(path[:folder], f...)
			b = append(b, "f "...)
			b = appendQuoted(b, path)
			b = append(b, '\n')
		}
		for _, d := range t.dirs {
			path = append(path[:folder], d.name...)
			b = append(b, "d "...)
			b = strconv.AppendUint(b, d.stamp.Ino, 10)
			b = append(b, ' ')
			b = strconv.AppendInt(b, d.stamp.Ctime, 10)
			b = append(b, ' ')
			b = appendQuoted(b, path)
			b = append(b, '\n')
			path = append(path, '/')
			write(d.tree)
		}
		path = path[:folder]
	}
	write(t)
	return writeFileAt(p, b)
}

// size counts the files and folders below t, and the bytes of their paths.
func (t *tree) size() (files, dirs, paths int) {
	var count func(t *tree, prefix int)
	count = func(t *tree, prefix int) {
		for _, f := range t.files {
			files++
			paths += prefix + len(f)
		}
		for _, d := range t.dirs {
			dirs++
			paths += prefix + len(d.name)
			count(d.tree, prefix+len(d.name)+1)
		}
	}
	count(t, 0)
	return files, dirs, paths
}

// appendQuoted is strconv.AppendQuote, with a short way for a name of
// printable ASCII and neither quotes nor backslashes, which it quotes as
// it is.
func appendQuoted[S string | []byte](b []byte, s S) []byte {
	for i := range len(s) {
		if c := s[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
			return strconv.AppendQuote(b, string(s))
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// readRecord reads the tree writeStampedTree wrote to p; nil when there
// is none, or it is not one.
func readRecord(p string) *record {
	text, err := readKeptString(p)
	if err != nil {
		return nil
	}
	// One string for the whole record, whose lines the paths are cut
	// from: at 10,000 stories, a line read as a string of its own, its
	// fields split into more, took half again the time.
	header, text, _ := strings.Cut(text, "\n")
	var began, window int64
	if _, err := fmt.Sscanf(strings.TrimSuffix(header, "\r"), "report-prev-tree 1 %d %d", &began, &window); err != nil || began <= 0 || window <= 0 || began > time.Now().UnixNano() {
		return nil
	}
	found := newTreeOf()
	for len(text) > 0 {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		line = strings.TrimSuffix(line, "\r")
		var rel string
		var st folderStamp
		var err error
		switch {
		case strings.HasPrefix(line, "f "):
			rel, err = strconv.Unquote(line[2:])
		case strings.HasPrefix(line, "d "):
			ino, rest, ok1 := strings.Cut(line[2:], " ")
			ctime, quoted, ok2 := strings.Cut(rest, " ")
			if !ok1 || !ok2 {
				return nil
			}
			if st.Ino, err = strconv.ParseUint(ino, 10, 64); err == nil {
				if st.Ctime, err = strconv.ParseInt(ctime, 10, 64); err == nil {
					rel, err = strconv.Unquote(quoted)
				}
			}
		default:
			return nil
		}
		if err != nil || !fs.ValidPath(rel) || rel == "." {
			return nil
		}
		dir := line[0] == 'd'
		found.add(rel, dir)
		if dir {
			found.stamp(rel, st)
		}
	}
	return &record{tree: found.root, began: began, window: window}
}

// Recycled is, while ReplaceWith's fill runs, what the new tree already
// holds, taken from the kept site; nil when the tree was made empty.
func (o *Output) Recycled() *Recycled { return o.recycled }

// KeptPrevious reports whether the last ReplaceWith kept the site it
// swapped out for the next build to fill its tree from.
func (o *Output) KeptPrevious() bool { return o.keptPrev }

// takePrev moves the kept site to a new working tree's name, noted in the
// lock (a build killed while filling it leaves it to be removed), and
// removes from it what the site of files does not have. It returns ""
// when there is no kept site its walk passed; one it refused is removed.
func (o *Output) takePrev(files []string) (string, *Recycled) {
	if o.prevWalked == nil {
		return "", nil
	}
	w := o.prevWalked()
	o.prevWalked = nil
	if errors.Is(w.err, errStopped) || errors.Is(w.err, errNoPrev) {
		return "", nil
	}
	if w.err != nil || files == nil {
		_ = os.Remove(o.prevList())
		_ = os.Remove(o.prevTree())
		_ = removeTree(o.prevDir())
		return "", nil
	}
	tmp, err := os.MkdirTemp(o.parent, "."+o.base+".new-")
	if err != nil {
		return "", nil
	}
	if err := o.lock.note(filepath.Base(tmp)); err != nil {
		_ = os.Remove(tmp)
		return "", nil
	}
	if err := os.Remove(tmp); err != nil {
		return "", nil
	}
	if err := os.Rename(o.prevDir(), tmp); err != nil {
		_ = os.Mkdir(tmp, 0o700) // the caller fills it from nothing
		return tmp, nil
	}
	_ = os.Remove(o.prevList())
	_ = os.Remove(o.prevTree())
	rec, err := prune(tmp, w.tree, files)
	if err != nil {
		// What could not be removed is removed with the rest.
		_ = removeTree(tmp)
		if err := os.Mkdir(tmp, 0o700); err != nil {
			return "", nil
		}
		return tmp, nil
	}
	o.filledFrom = w.tree
	return tmp, rec
}

// The check of the output, beside every build's load, walked every folder
// of it: at 10,000 stories 52,000 of the 83,000 system calls of a rebuild
// after one edit. Yet a tree filled from the kept site is that site, whose
// folders its check vouched for or walked, with what the fill changed: so
// the build records that site's tree for the output, and the next check
// takes each folder whose stamp still vouches for it on trust (see
// walkBelow). Every folder the fill or anyone since made, removed or
// renamed an entry in has a new time, and is read again; the top always is.

// recordOutput records, after the swap, the tree the new site was filled
// from for the next check of the output; nothing when it was made from
// nothing, or its check did not stamp every folder.
func (o *Output) recordOutput() {
	if o.filledFrom == nil || writeStampedTree(recordPath(o.dir), o.dir, o.filledFrom) != nil {
		_ = os.Remove(recordPath(o.dir))
	}
}

// prune removes from dir, which holds what t says, every file the new
// site (files) does not have and every folder it does not need, and
// returns what is left. Through an os.Root: nothing outside dir is
// touched, whatever was put in it since the walk.
func prune(dir string, t *tree, files []string) (*Recycled, error) {
	want := make(map[string]bool, len(files))
	needed := map[string]bool{}
	for _, f := range files {
		want[f] = true
		for d := path.Dir(f); d != "." && !needed[d]; d = path.Dir(d) {
			needed[d] = true
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	rec := &Recycled{Files: map[string]bool{}, Dirs: map[string]bool{}}
	var errs []error
	var visit func(rel string, t *tree)
	visit = func(rel string, t *tree) {
		for _, name := range t.files {
			p := below(rel, name)
			if want[p] {
				rec.Files[p] = true
			} else if err := root.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
		for _, d := range t.dirs {
			p := below(rel, d.name)
			if !needed[p] {
				errs = append(errs, root.RemoveAll(p))
				continue
			}
			rec.Dirs[p] = true
			visit(p, d.tree)
		}
	}
	visit(".", t)
	return rec, errors.Join(errs...)
}

// retire disposes of dir, the site a swap replaced, which held what old
// says: kept for the next build when Recycle is set and the walk knew it
// whole, removed otherwise.
func (o *Output) retire(dir string, old *tree) error {
	if o.Recycle && old != nil && o.last != nil && o.last.ok && o.keepPrev(dir, old) == nil {
		return nil
	}
	return removeWalked(dir, old)
}

// keepPrev keeps dir as the site the next build fills its tree from, with
// the list of its files (the list the walk of the output went by) and
// what that walk found, old, when it stamped it.
func (o *Output) keepPrev(dir string, old *tree) error {
	prev := o.prevDir()
	if _, err := os.Lstat(prev); err == nil {
		// A kept site this build did not take (a build with Recycle unset
		// came between): it is out of date.
		if err := removeTree(prev); err != nil {
			return err
		}
	}
	if err := writeListAt(o.prevList(), o.last.sorted()); err != nil {
		return err
	}
	_ = os.Remove(o.prevTree())
	if err := writeStampedTree(o.prevTree(), o.dir, old); err != nil {
		_ = os.Remove(o.prevTree()) // the next build walks the site instead
	}
	if err := os.Rename(dir, prev); err != nil {
		_ = os.Remove(o.prevList())
		_ = os.Remove(o.prevTree())
		return err
	}
	o.keptPrev = true
	return nil
}
