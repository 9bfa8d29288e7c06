package outdir

import "path"

// tree is what a folder held when the check of the output folder walked
// it (see holdsOthersFiles): its files' names and its folders. Once the
// folder is replaced, the build removes it by this list (see
// removeWalked), without reading each folder again.
type tree struct {
	files []string
	dirs  []subtree
	// stamp is the folder's as the walk read it (see folderStamp); zero
	// where the system does not tell.
	stamp folderStamp
	// began is set on the top folder only, by a walk that found nothing
	// but folders and listed files and stamped every folder: when it
	// began, in nanoseconds (see recycle.go). 0 otherwise.
	began int64
}

// folderStamp is what tells a folder's entries unchanged: its inode, and
// the time it last changed, which every entry made, removed or renamed in
// it moves and no program can set back.
type folderStamp struct {
	Ino   uint64
	Ctime int64 // nanoseconds
}

// folders maps the names of t's folders to what t says each held; nil for
// a nil t.
func (t *tree) folders() map[string]*tree {
	if t == nil || len(t.dirs) == 0 {
		return nil
	}
	m := make(map[string]*tree, len(t.dirs))
	for _, d := range t.dirs {
		m[d.name] = d.tree
	}
	return m
}

// A record is a tree as an earlier look found it, every folder stamped,
// which a walk takes on trust where a folder still has its stamp (see
// walkBelow): written beside the output for its next check, and beside
// the kept site (see recycle.go).
type record struct {
	tree   *tree
	began  int64 // when the look began, in nanoseconds
	window int64 // the file system's clock tick, at most (see timeWindow)
}

// vouches reports whether st, the stamp a folder has now, shows it holds
// what known, the record's entry for it, says: the same folder, changed
// last at the same time, and that time not within a tick of the look, so
// that no later change can have kept it (see recycle.go).
func (r *record) vouches(known *tree, st folderStamp) bool {
	return known.stamp.Ino != 0 && st == known.stamp && st.Ctime <= r.began-r.window
}

type subtree struct {
	name string
	*tree
}

// treeOf builds a tree from a walk's entries, each under a folder added
// before it, as filepath.WalkDir visits them: depth first, so that an
// entry's folder is on the path from the root to the folder last added.
type treeOf struct {
	root *tree
	path []openFolder // from the root down to the folder last added
}

type openFolder struct {
	rel string // slash-separated, "." for the root
	*tree
}

func newTreeOf() *treeOf {
	root := &tree{}
	return &treeOf{root: root, path: []openFolder{{".", root}}}
}

// add records the entry rel (slash-separated, below the walked folder), a
// folder when dir is set. An entry under a folder the walk skipped is not
// recorded: the removal finds it and removes it as it is.
func (t *treeOf) add(rel string, dir bool) {
	in := path.Dir(rel)
	for len(t.path) > 1 && t.path[len(t.path)-1].rel != in {
		t.path = t.path[:len(t.path)-1]
	}
	parent := t.path[len(t.path)-1]
	if parent.rel != in {
		return
	}
	name := path.Base(rel)
	if !dir {
		parent.files = append(parent.files, name)
		return
	}
	child := &tree{}
	parent.dirs = append(parent.dirs, subtree{name, child})
	t.path = append(t.path, openFolder{rel, child})
}

// below is the slash-separated path of the entry name in the folder rel
// ("." for the top), as the list of a build's files and os.Root name it.
func below(rel, name string) string {
	if rel == "." {
		return name
	}
	return rel + "/" + name
}

// stamp records the stamp of the folder rel, which the walk has just
// added (or the top, "."), as the walk opened it.
func (t *treeOf) stamp(rel string, st folderStamp) {
	if last := t.path[len(t.path)-1]; last.rel == rel {
		last.tree.stamp = st
	}
}
