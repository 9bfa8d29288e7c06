package outdir

import "path"

// tree is what a folder held when the check of the output folder walked
// it (see holdsOthersFiles): its files' names and its folders. Once the
// folder is replaced, the build removes it by this list (see
// removeWalked), without reading each folder again.
type tree struct {
	files []string
	dirs  []subtree
}

type subtree struct {
	name string
	*tree
}

// treeOf builds a tree from a walk's entries, each under a folder added
// before it, as filepath.WalkDir visits them.
type treeOf struct {
	root   *tree
	byPath map[string]*tree // slash-separated path → its folder's tree
}

func newTreeOf() *treeOf {
	root := &tree{}
	return &treeOf{root: root, byPath: map[string]*tree{".": root}}
}

// add records the entry rel (slash-separated, below the walked folder), a
// folder when dir is set. An entry under a folder the walk skipped is not
// recorded: the removal finds it and removes it as it is.
func (t *treeOf) add(rel string, dir bool) {
	parent, ok := t.byPath[path.Dir(rel)]
	if !ok {
		return
	}
	name := path.Base(rel)
	if !dir {
		parent.files = append(parent.files, name)
		return
	}
	child := &tree{}
	parent.dirs = append(parent.dirs, subtree{name, child})
	t.byPath[rel] = child
}
