// Package diskfs reads the site folder and writes the output folder's
// pages without the four fcntl calls package os spends on each file it
// opens.
//
// os.Open and os.Create offer every file to the network poller: they switch
// it into non-blocking mode (two fcntl calls), ask epoll to watch it, are
// refused (epoll does not take regular files) and switch it back (two
// more). A file opened with O_NONBLOCK is spared both switches, though
// epoll is still asked; for a regular file the flag changes nothing else:
// reading and writing it never wait for readiness.
//
// What that saves depends on the file. A page is written (WriteFile) with
// four system calls where os.WriteFile makes eight. A file read through
// Dir is spared the same four, and Dir adds an lstat of each folder above
// it, at most once every few seconds a folder. An asset gains least: only
// its read is spared them, since it is copied into the output through a
// file package os opens, and the build also looks at it with lstat before
// and after opening it: fifteen calls where package os alone would make
// nineteen. strace -c -f of a build of the shipped site (637 files)
// counted 5,300 system calls on files, against 8,400 with O_NONBLOCK left
// out: a third fewer, not half.
//
// On Linux it goes further for the two kinds of file a large site has
// thousands of (files_linux.go): a text file read whole (Dir.ReadLimited)
// and a page written (WriteFile, WriteNewFile) take no *os.File at all,
// only open, fstat, read or write, and close. That spares the epoll call
// too, and for a read the second fstat and the read that finds the end:
// four calls each, where O_NONBLOCK alone left seven for a read and five
// for a write. A clean build of 10,000 stories makes 41,000 fewer calls,
// and takes 4 % less time.
package diskfs
