//go:build !unix && !windows

package outdir

import "os"

// tryLock: this system has no file locks, so builds into one folder must
// not overlap.
func tryLock(f *os.File) (bool, error) { return true, nil }

func (l *lockFile) release() {
	_ = os.Remove(l.path)
	_ = l.f.Close()
}

// noFollow is 0 here: acquire's look at the path is all there is.
const noFollow = 0

// nonBlock is 0 here.
const nonBlock = 0
