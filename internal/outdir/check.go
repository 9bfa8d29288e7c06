package outdir

// Before a build replaces its output folder whole, Check makes sure that
// nothing but a site built before is lost: each way the folder could hold
// more is a refusal of its own, with its own reason.

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"
)

// SourceDirs are the site's own folders, which a build reads and must never
// replace.
var SourceDirs = []string{"content", "data", "i18n", "layouts", "static"}

// litter are files that desktops leave in any folder they show; a folder
// holding only these is as good as empty.
var litter = []string{".DS_Store", "Thumbs.db", "desktop.ini"}

// lostFound is where fsck puts what it recovers; ext4 and others make it
// at the root of the file system, so it belongs to the mount, not the site.
const lostFound = "lost+found"

// Check refuses, with the reason, an output folder whose replacement would
// destroy more than a site built before. A build replaces the folder whole
// (see Replace), so "--out content" would delete the editors' Markdown, and
// an output folder that is a Git checkout would lose its history. root is
// the site's folder; dir is the output folder, which need not exist. Check
// reads, and never writes.
//
// The output is judged by the folder it really is (see Resolve), and folders
// are compared as the file system sees them (os.SameFile), not by name, so
// that a symbolic link anywhere in either path, a bind mount or a file
// system that ignores case cannot make one folder look like two.
//
// Check is CheckPlace and then CheckContents: a build asks the first before
// it starts, and the second, which reads every folder of the output, while
// it loads the site (see Output.Examine): whether it then replaces the
// folder or finds it up to date, what the folder holds is judged.
func Check(root, dir string) error {
	return firstRefusal(func() error { return CheckPlace(root, dir) }, func() error { return CheckContents(dir) })
}

// CheckPlace is Check without looking below the top of the output folder:
// where the folder is, and what its top holds.
func CheckPlace(root, dir string) error {
	c, err := newCheck(root, dir)
	if err != nil {
		return err
	}
	// Where the output is matters even before it exists.
	if err := firstRefusal(c.isSourceFolder, c.isSiteFolder, c.isInsideSourceFolder); err != nil {
		return err
	}
	info, err := os.Stat(c.out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return errors.New("it is a file, not a folder")
	}
	c.outInfo = info
	return firstRefusal(c.holdsSiteFolder, c.holdsMoreThanASite)
}

// CheckContents is the rest of Check: it refuses an output folder holding,
// at any depth, a file the last build did not write, a link or a Git
// repository.
func CheckContents(dir string) error {
	walk, _, err := checkContents(dir)
	if err != nil {
		return err
	}
	_, err = walk()
	return err
}

// checkContents reads the list of the last build's files now, and returns
// the walk that judges the folder by it, and the list (see Output.Listed):
// a build that walks while it writes its new tree (see ReplaceWith) writes
// the list of the new tree's files before the walk is done.
func checkContents(dir string) (walk func() (*tree, error), last manifest, err error) {
	out, err := Resolve(dir)
	if err != nil {
		return nil, manifest{}, err
	}
	c := &check{out: out}
	if abs, err := filepath.Abs(dir); err == nil && abs != out {
		c.via = viaLink(out)
	}
	if info, err := os.Stat(out); err != nil || !info.IsDir() {
		return func() (*tree, error) { return nil, nil }, manifest{}, nil // CheckPlace's to judge
	}
	listed, err := readManifest(out)
	if err != nil {
		return nil, manifest{}, err
	}
	return func() (*tree, error) {
		c.record = readRecord(recordPath(out))
		return c.holdsOthersFiles(listed.files, listed.ok)
	}, listed, nil
}

// viaLink is how a reason names the folder an output reached through a
// link really is.
func viaLink(resolved string) string {
	return fmt.Sprintf(" (through a symbolic link, it is %s)", resolved)
}

// check is what Check compares: the site's folders and the output, as the
// file system has them.
type check struct {
	root     string // the site's folder, absolute, every link resolved
	rootInfo fs.FileInfo
	sources  map[string]fs.FileInfo // those of SourceDirs the site has
	out      string                 // the output folder (see Resolve)
	outInfo  fs.FileInfo            // set once the output is known to be a folder
	via      string                 // for the reasons: the link the output was reached through
	// strict takes nothing for granted: not the folders a build or a tool
	// leaves in a site (see Recycle), nor litter; only folders and the
	// listed files.
	strict bool
	stop   *atomic.Bool // when set, the walk ends with errStopped
	// record is what the build that wrote the output knew of its folders
	// (see recordPath), for the walk to take on trust; nil when none.
	record *record
}

func newCheck(root, dir string) (*check, error) {
	rootReal, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, err
	}
	if rootReal, err = filepath.Abs(rootReal); err != nil {
		return nil, err
	}
	rootInfo, err := os.Stat(rootReal)
	if err != nil {
		return nil, err
	}
	resolved, err := Resolve(dir)
	if err != nil {
		return nil, err
	}
	c := &check{root: rootReal, rootInfo: rootInfo, sources: map[string]fs.FileInfo{}, out: resolved}
	if abs, err := filepath.Abs(dir); err == nil && abs != resolved {
		c.via = viaLink(resolved)
	}
	for _, src := range SourceDirs {
		if info, err := os.Stat(filepath.Join(rootReal, src)); err == nil {
			c.sources[src] = info
		}
	}
	return c, nil
}

// firstRefusal runs the refusals in turn and returns the first reason.
func firstRefusal(refusals ...func() error) error {
	for _, refuse := range refusals {
		if err := refuse(); err != nil {
			return err
		}
	}
	return nil
}

func (c *check) isSourceFolder() error {
	return c.sourceAt(c.out)
}

func (c *check) isSiteFolder() error {
	if info, err := os.Stat(c.out); err == nil && os.SameFile(info, c.rootInfo) {
		return fmt.Errorf("it is the site's own folder%s; write the site to a folder of its own, such as public/", c.via)
	}
	return nil
}

// isInsideSourceFolder looks above the output, which need not exist: the
// nearest folder that does must not lie inside a source either.
func (c *check) isInsideSourceFolder() error {
	for p := range above(c.out) {
		if err := c.sourceAt(p); err != nil {
			return err
		}
	}
	return nil
}

// sourceAt refuses the folder p if it is one of the site's sources.
func (c *check) sourceAt(p string) error {
	info, err := os.Stat(p)
	if err != nil {
		return nil
	}
	for _, src := range SourceDirs {
		if s, ok := c.sources[src]; ok && os.SameFile(info, s) {
			return fmt.Errorf("it is inside %s/, which holds the site's sources%s; write the site to a folder of its own, such as public/", src, c.via)
		}
	}
	return nil
}

func (c *check) holdsSiteFolder() error {
	for p := range upFrom(c.root) {
		if info, err := os.Stat(p); err == nil && os.SameFile(info, c.outInfo) {
			return fmt.Errorf("it holds the site's own folder%s; write the site to a folder of its own, such as public/", c.via)
		}
	}
	return nil
}

// holdsMoreThanASite refuses, by what the top of the folder holds, a folder
// with files in it that a build did not write: a Git repository, files
// without an index.html, or, for a folder built before builds kept a list
// of their files (see manifest.go), files without the ones every build
// writes. holdsOthersFiles looks deeper.
func (c *check) holdsMoreThanASite() error {
	entries, err := os.ReadDir(c.out)
	if err != nil {
		return err
	}
	base := filepath.Base(c.out)
	mount := isMountPoint(c.out, filepath.Dir(c.out))
	var names []string
	for _, e := range entries {
		switch {
		case isOwn(e.Name(), base) && !e.IsDir():
			return fmt.Errorf("it holds %s, named like a folder a build leaves, but %s%s; a build never makes one, so remove it by hand", e.Name(), kindOf(entryInfo(e)), c.via)
		case !slices.Contains(litter, e.Name()) && !isOwn(e.Name(), base) && !(mount && e.Name() == lostFound):
			names = append(names, e.Name())
		}
	}
	if slices.Contains(names, ".git") {
		return fmt.Errorf("it holds a Git repository (.git)%s, which a build would delete with the rest of the folder; write the site elsewhere and copy it in", c.via)
	}
	if len(names) > 0 && !slices.Contains(names, "index.html") {
		return fmt.Errorf("it has files but no index.html%s, so it is not a site built before, and a build replaces the whole folder; choose a new or empty folder, or empty this one first", c.via)
	}
	hasList, err := hasManifest(c.out) // the list itself is CheckContents's to read
	if err != nil {
		return err
	}
	if !hasList && len(names) > 0 && !builtBefore(names) {
		return fmt.Errorf("it has an index.html but not the files every build writes (%s)%s, so it is not a site built before, and a build replaces the whole folder; choose a new or empty folder, or empty this one first", strings.Join(signature, ", "), c.via)
	}
	return nil
}

// holdsOthersFiles walks the output folder for what holdsMoreThanASite
// cannot see at its top: a file the list of the last build's files
// (listed, when hasList) does not name, a link, a Git repository.
func (c *check) holdsOthersFiles(listed map[string]bool, hasList bool) (*tree, error) {
	base := filepath.Base(c.out)
	mount := isMountPoint(c.out, filepath.Dir(c.out))
	var foreign []string
	found := newTreeOf()
	// Whether the folder holds nothing but folders and listed files, for
	// a build that keeps it as the site before last (see recycle.go).
	began, clean := time.Now().UnixNano(), hasList && stampsFolders
	err := walkBelow(c.out, func(rel string, typ fs.FileMode) error {
		if c.stop != nil && typ.IsDir() && c.stop.Load() {
			return errStopped
		}
		top, _, _ := strings.Cut(rel, "/")
		name := path.Base(rel)
		if !typ.IsDir() && !(typ.IsRegular() && listed[rel]) {
			clean = false
		}
		// Pagefind's folder is walked like the rest, for a link; only the
		// files Pagefind adds after the build are not the build's own.
		after := !c.strict && slices.Contains(addedAfter, top)
		switch {
		case !c.strict && (isOwn(top, base) || mount && top == lostFound):
			clean = false
			return fs.SkipDir // removed by the next build
		case name == ".git":
			return fmt.Errorf("it holds a Git repository (%s)%s, which a build would delete with the rest of the folder; write the site elsewhere and copy it in", rel, c.via)
		case typ&fs.ModeSymlink != 0:
			return fmt.Errorf("it holds a symbolic link, %s%s, which a build never writes; remove it, or write the site elsewhere", rel, c.via)
		case c.strict && !typ.IsDir() && !(typ.IsRegular() && listed[rel]):
			foreign = append(foreign, rel)
		case typ.IsRegular() && hasList && !listed[rel] && !slices.Contains(litter, name) && !after:
			foreign = append(foreign, rel)
		}
		found.add(rel, typ.IsDir())
		return nil
	}, found.stamp, c.record)
	if err != nil {
		return nil, err
	}
	if clean {
		found.root.began = began
	}
	slices.Sort(foreign) // the walk goes in the order the folders hold their entries
	if len(foreign) > 0 {
		more := ""
		if len(foreign) > 3 {
			more = fmt.Sprintf(" and %d more", len(foreign)-3)
			foreign = foreign[:3]
		}
		return nil, fmt.Errorf("it holds files the last build did not write (%s%s)%s, which a build would delete with the rest of the folder; move them elsewhere first", strings.Join(foreign, ", "), more, c.via)
	}
	return found.root, nil
}

// signature are files every build writes at the top of its output; a
// folder with no list of its files (built by a version of report that kept
// none) is taken for a site built before only if it has them all.
var signature = []string{"index.html", "404.html", "robots.txt", "_headers"}

func builtBefore(names []string) bool {
	for _, s := range signature {
		if !slices.Contains(names, s) {
			return false
		}
	}
	return true
}

// upFrom yields p and every folder above it, up to the file system's root.
func upFrom(p string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for yield(p) && filepath.Dir(p) != p {
			p = filepath.Dir(p)
		}
	}
}

// above yields every folder above p.
func above(p string) iter.Seq[string] {
	if filepath.Dir(p) == p {
		return func(func(string) bool) {}
	}
	return upFrom(filepath.Dir(p))
}

// isOwn reports whether name, beside or in the output folder base, is a
// working folder of a build (see Replace; a build that cannot swap the
// folder writes its new tree inside it, and one killed there leaves that
// tree behind, which the next build removes), or the site a build kept
// for the next (see Recycle).
func isOwn(name, base string) bool {
	return strings.HasPrefix(name, "."+base+".new-") || strings.HasPrefix(name, "."+base+".old-") || name == "."+base+".prev"
}
