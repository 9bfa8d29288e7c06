package outdir

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchangeOS swaps two paths with renameat2(RENAME_EXCHANGE), which Linux
// has had since 3.15 and most local file systems support.
func exchangeOS(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EINVAL), errors.Is(err, unix.EOPNOTSUPP):
		return errNoExchange
	}
	return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
}
