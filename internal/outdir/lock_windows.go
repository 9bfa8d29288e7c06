package outdir

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// tryLock takes an exclusive lock on f's first byte if no other handle
// holds one. Windows drops it when the process ends.
func tryLock(f *os.File) (bool, error) {
	var ol windows.Overlapped
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, windows.ERROR_LOCK_VIOLATION), errors.Is(err, windows.ERROR_IO_PENDING):
		return false, nil
	}
	return false, err
}

// release lets go, then removes the lock file unless another build has it
// open (Windows refuses to remove an open file, and that build keeps it).
func (l *lockFile) release() {
	_ = l.f.Close()
	_ = os.Remove(l.path)
}

// noFollow is 0 here: acquire's look at the path is all there is.
const noFollow = 0

// nonBlock is 0 here: Windows has no named pipes in a folder.
const nonBlock = 0
