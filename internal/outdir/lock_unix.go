//go:build unix

package outdir

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// noFollow makes opening the lock file fail on a link, should one appear
// between acquire's look at the path and its opening of it.
const noFollow = unix.O_NOFOLLOW

// nonBlock makes opening a file that should be regular return at once
// should a pipe be put in its place, where a read would wait for ever.
const nonBlock = unix.O_NONBLOCK

// tryLock takes an exclusive flock on f if no other open file holds one.
// The kernel drops it when the process ends, however it ends.
func tryLock(f *os.File) (bool, error) {
	err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, unix.EWOULDBLOCK), errors.Is(err, unix.EINTR):
		return false, nil
	}
	return false, err
}

// release removes the lock file while still holding it, then lets go: a
// build waiting on the removed file finds, once it has the lock, that the
// path no longer names its file, and opens the path again (see acquire).
func (l *lockFile) release() {
	_ = os.Remove(l.path)
	_ = l.f.Close()
}
