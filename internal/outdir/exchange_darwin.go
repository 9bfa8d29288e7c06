package outdir

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchangeOS swaps two paths with renamex_np(RENAME_SWAP), which APFS and
// HFS+ support.
func exchangeOS(a, b string) error {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.ENOTSUP), errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		return errNoExchange
	}
	return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
}
