//go:build unix

package diskfs

import "syscall"

// nonBlock spares a regular file the poller's fcntl calls (see the package
// comment); for a regular file it changes nothing else.
const nonBlock = syscall.O_NONBLOCK

// noFollow makes opening a link fail, rather than open what it leads to.
const noFollow = syscall.O_NOFOLLOW
