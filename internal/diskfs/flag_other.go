//go:build !unix

package diskfs

// nonBlock is not needed where package os does not offer regular files to a
// poller.
const nonBlock = 0

// noFollow is 0 here: Open's Stat of the opened file tells a link by what
// it is not, and foldersAbove checks the folders.
const noFollow = 0
