package outdir

// An output folder that is a mount point cannot be renamed, so Replace
// cannot swap it; the build moves the new site in one entry at a time
// instead, keeping each move so that a failure midway can undo them all.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// replaceInside replaces the contents of the output folder, for a folder
// that cannot be renamed because it is a mount point (EBUSY) and whose
// parent is another file system (EXDEV).
//
// This gives up part of what Replace guarantees, and only this part: the
// new tree is written inside the folder, as a hidden working folder, and
// then moved in one top-level entry at a time (each entry exchanged
// atomically where Replace could exchange the folder). While that runs, and
// for good if the build is killed while it runs, a reader may see some
// entries of the new site beside others of the old; an entry the new site
// drops may already be gone. The next build removes the working folders
// and replaces every entry. A build that fails or is stopped before that
// point leaves the site as it was, as Replace does, and one whose moves
// fail midway moves back what it had moved. During the build, the hidden
// working folder is inside the folder a web server may serve. The file
// system's lost+found, if the mount has one, is left where it is.
func (o *Output) replaceInside(fill func(tmp string) error) error {
	tmp, err := os.MkdirTemp(o.dir, "."+o.base+".new-")
	if err != nil {
		return err
	}
	// stranded is set when entries of the previous site could not be put
	// back: then they are in the working folders, which must be kept.
	stranded := false
	defer func() {
		if !stranded {
			_ = os.RemoveAll(tmp)
		}
	}()
	if err := fill(tmp); err != nil {
		return err
	}
	fresh, err := o.listNew(tmp)
	if err != nil {
		return err
	}
	aside, err := os.MkdirTemp(o.dir, "."+o.base+".old-")
	if err != nil {
		return err
	}
	defer func() {
		if !stranded {
			_ = removeTree(aside)
		}
	}()
	var m moves
	if err := o.moveIn(&m, tmp, aside); err != nil {
		if back := m.undo(); back != nil {
			stranded = true
			return fmt.Errorf("%w; and putting the previous site back failed (%v): entries of the previous site are in %s and %s; move them back into %s before the next build, which removes both", err, back, aside, tmp, o.dir)
		}
		return err
	}
	hook("swapped")
	return errors.Join(removeTree(tmp), removeTree(aside), writeManifest(o.dir, fresh))
}

// moveIn moves the entries of the new site, in tmp, into the output, and
// those of the previous site they replace, or that the new site does not
// have, into aside.
func (o *Output) moveIn(m *moves, tmp, aside string) error {
	fresh, err := os.ReadDir(tmp)
	if err != nil {
		return err
	}
	current, err := os.ReadDir(o.dir)
	if err != nil {
		return err
	}
	// Entries the new site does not have go first, aside.
	for _, e := range current {
		name := e.Name()
		if isOwn(name, o.base) || name == lostFound || slices.ContainsFunc(fresh, func(f fs.DirEntry) bool { return f.Name() == name }) {
			continue
		}
		if err := m.rename(filepath.Join(o.dir, name), filepath.Join(aside, name)); err != nil {
			return err
		}
	}
	for _, f := range fresh {
		if err := m.replace(filepath.Join(tmp, f.Name()), filepath.Join(o.dir, f.Name()), filepath.Join(aside, f.Name())); err != nil {
			return err
		}
	}
	return nil
}

// moves are the moves done so far, each as the step that undoes it.
type moves []func() error

func (m *moves) rename(from, to string) error {
	if err := os.Rename(from, to); err != nil {
		return err
	}
	*m = append(*m, func() error { return os.Rename(to, from) })
	return nil
}

// replace puts the entry from in the place of the entry to, if there is
// one: in one exchange where the file system can, else by moving to into
// aside first.
func (m *moves) replace(from, to, aside string) error {
	if _, err := os.Lstat(to); errors.Is(err, fs.ErrNotExist) {
		return m.rename(from, to)
	}
	switch err := exchange(from, to); {
	case err == nil:
		*m = append(*m, func() error { return exchange(from, to) })
		return nil
	case !errors.Is(err, errNoExchange):
		return err
	}
	if err := m.rename(to, aside); err != nil {
		return err
	}
	return m.rename(from, to)
}

// undo undoes the moves, the last first, and stops at the first that
// cannot be undone.
func (m moves) undo() error {
	for i := len(m) - 1; i >= 0; i-- {
		if err := m[i](); err != nil {
			return err
		}
	}
	return nil
}
