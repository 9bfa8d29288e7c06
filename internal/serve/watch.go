package serve

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// WatchedDirs are the site's folders whose changes trigger a rebuild.
var WatchedDirs = []string{"content", "data", "i18n", "layouts", "static"}

// settle is how long to wait after a change for the next one: an editor's
// save often writes several files, or one file twice.
const settle = 20 * time.Millisecond

// Watch rebuilds the site whenever a file under root's watched folders
// changes, until ctx is done.
func (s *Server) Watch(ctx context.Context, root string) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	// The root itself is watched too, for its folders only: a watched
	// folder deleted and made again (a checkout of another branch, an
	// editor's undo) is watched anew, not lost until the preview restarts.
	if err := w.Add(root); err != nil {
		return err
	}
	for _, dir := range WatchedDirs {
		if err := addTree(w, filepath.Join(root, dir)); err != nil {
			return err
		}
	}
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			atRoot := filepath.Dir(ev.Name) == filepath.Clean(root)
			if atRoot && !slices.Contains(WatchedDirs, filepath.Base(ev.Name)) {
				continue // the root's other files: public/, the build's lock
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					_ = addTree(w, ev.Name)
				}
			}
			if !ignored(ev.Name) {
				timer = time.After(settle)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			fmt.Fprintf(s.log, "report: watching: %v\n", err)
		case <-timer:
			timer = nil
			s.Rebuild()
		}
	}
}

// addTree watches a folder and every folder below it; fsnotify watches one
// folder at a time.
func addTree(w *fsnotify.Watcher, root string) error {
	return filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return nil
			}
			return err
		}
		if e.IsDir() {
			return w.Add(p)
		}
		return nil
	})
}

// ignored filters out the temporary files editors write while saving.
func ignored(name string) bool {
	base := filepath.Base(name)
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp")
}
