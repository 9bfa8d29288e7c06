//go:build !unix

package diskfs

// nonBlock is not needed where package os does not offer regular files to a
// poller.
const nonBlock = 0
