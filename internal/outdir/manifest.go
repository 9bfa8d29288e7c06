package outdir

// A build replaces its output folder whole, so it must know that nothing
// in it is anyone else's. It keeps the list of the files it wrote beside
// the folder, .<dir>.files; Check refuses a folder holding a file not on
// the list (a reader's notes, a nested repository), which a build would
// otherwise delete without a word.

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// addedAfter are the folders that tools fill inside a built site after the
// build, and that the next build replaces: Pagefind's index (make publish).
var addedAfter = []string{"pagefind"}

// manifestPath is where the list of the files a build wrote into dir lies.
func manifestPath(dir string) string {
	return filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".files")
}

// listTree returns the slash-separated paths of the regular files below
// dir, sorted. Links are not followed.
func listTree(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.Type().IsRegular() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}

// hasManifest reports whether the last build kept a list of its files,
// without reading it; like readManifest, it refuses a list that is not a
// regular file.
func hasManifest(dir string) (bool, error) {
	p := manifestPath(dir)
	info, err := os.Lstat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, err
	case !info.Mode().IsRegular():
		return false, notAManifest(p, info)
	}
	return true, nil
}

func notAManifest(p string, info fs.FileInfo) error {
	return errors.New(p + " is " + kindOf(info) + ", not the list of files a build keeps; remove it by hand")
}

// manifest is the list of the files the last build wrote, as read once.
type manifest struct {
	files map[string]bool
	// lines are the list's lines in its order: sorted and unique as a
	// build writes it, which sorted checks rather than trusts.
	lines []string
	ok    bool // false when there is no list to go by
}

// sorted is the list's files sorted, each once: its lines as they are
// when they are so, which spares a build's swap sorting 10,000 paths.
func (m *manifest) sorted() []string {
	for i := 1; i < len(m.lines); i++ {
		if m.lines[i-1] >= m.lines[i] {
			return slices.Sorted(maps.Keys(m.files))
		}
	}
	return m.lines
}

// readManifest returns the files the last build listed, and false when
// there is no list: a folder built by a version of report that kept none.
func readManifest(dir string) (manifest, error) {
	return readListAt(manifestPath(dir))
}

// readListAt reads the list of files at p, as readManifest does.
func readListAt(p string) (manifest, error) {
	if info, err := os.Lstat(p); err == nil && !info.Mode().IsRegular() {
		return manifest{}, notAManifest(p, info)
	}
	// One string, which the paths are cut from (at 10,000 stories, a string
	// read for each line was 10,000 allocations).
	text, err := readKeptString(p)
	if errors.Is(err, fs.ErrNotExist) {
		return manifest{}, nil
	}
	if err != nil {
		return manifest{}, err
	}
	n := strings.Count(text, "\n") + 1
	m := manifest{files: make(map[string]bool, n), lines: make([]string, 0, n), ok: true}
	for len(text) > 0 {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		line = strings.TrimSuffix(line, "\r") // as bufio.ScanLines reads a line
		m.files[line] = true
		m.lines = append(m.lines, line)
	}
	return m, nil
}

// writeManifest replaces the list beside dir with files, through a new
// file renamed into place, so that a build killed while writing it leaves
// the old list or the new one.
func writeManifest(dir string, files []string) error {
	return writeListAt(manifestPath(dir), files)
}

// writeListAt writes the list of files at p, as writeManifest does.
func writeListAt(p string, files []string) error {
	n := 0
	for _, f := range files {
		n += len(f) + 1
	}
	b := make([]byte, 0, n)
	for _, f := range files {
		b = append(b, f...)
		b = append(b, '\n')
	}
	return writeFileAt(p, b)
}

// writeFileAt replaces the file p with text, through a new file renamed
// into place, never through a link.
func writeFileAt(p string, text []byte) error {
	tmp := p + ".tmp"
	_ = os.Remove(tmp)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL|noFollow, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(text)
	if err = errors.Join(err, f.Close()); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

// listNew records the files of a filled tree before it is swapped in: the
// list then holds both the old site's and the new one's, so that a build
// killed at any point of the swap leaves a list that holds every file of
// the folder, whichever it is.
func (o *Output) listNew(tmp string) ([]string, error) {
	fresh := o.known
	if fresh == nil {
		var err error
		if fresh, err = listTree(tmp); err != nil {
			return nil, err
		}
	}
	// The old list as Examine read it (ReplaceWith starts it first): the
	// folder is locked, so it has not changed.
	if !slices.IsSorted(fresh) {
		fresh = slices.Sorted(slices.Values(fresh))
	}
	return fresh, writeManifest(o.dir, union(fresh, o.last.sorted()))
}

// union merges two sorted lists into one, each path once.
func union(a, b []string) []string {
	out := make([]string, 0, max(len(a), len(b)))
	for len(a) > 0 || len(b) > 0 {
		switch {
		case len(b) == 0 || len(a) > 0 && a[0] < b[0]:
			out, a = append(out, a[0]), a[1:]
		case len(a) == 0 || b[0] < a[0]:
			out, b = append(out, b[0]), b[1:]
		default:
			out, a, b = append(out, a[0]), a[1:], b[1:]
		}
	}
	return out
}
