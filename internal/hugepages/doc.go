// Package hugepages asks Linux to back the start of the Go heap with 2 MB
// pages, where the system leaves that to each program.
//
// A build touches its heap once, as it grows: every fresh 4 kB page is a
// page fault for the kernel to fill. Debian, like most distributions, runs
// transparent huge pages in "madvise" mode, which gives 2 MB pages only to
// memory a program marks with madvise(MADV_HUGEPAGE), and the Go runtime
// no longer marks its heap. On this project's machine a fault costs about
// 11 µs: a clean build of the 2016 edition took 6,000 of them, one of
// 10,000 stories 48,000, about a sixth of its CPU.
//
// The Go heap maps its address space in place (mmap with MAP_FIXED), which
// forgets any advice given before, so Advise takes the space from the
// heap itself: one large allocation, at the start of the program, of
// address space the runtime maps fresh and no one has touched; it marks
// that space and lets it go, and the heap grows into it from the next
// collection on, a 2 MB page at a fault. cmd/report marks 256 MB at its
// start, more than a build of 10,000 stories holds; a build that counts
// more pages than that fits asks for the rest with Extend.
package hugepages
