package hugepages

import (
	"bytes"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"unsafe"
)

// hugePage is the size of a huge page on the 64-bit architectures Linux
// runs Go on (where another size applies, madvise still succeeds, and the
// kernel uses its own).
const hugePage = 2 << 20

// Advise marks size bytes of the heap's address space for huge pages (see
// the package documentation), and returns how many it marked: size less
// what rounding to whole huge pages takes off. It must be called first
// thing in main, while the heap is small, so that the allocation is fresh
// address space rather than used memory the runtime would clear page by
// page. If the kernel refuses the advice, Advise returns its error, and
// the program runs as before.
//
// Advise does nothing where it would gain nothing or risk the program:
// when the system gives every program huge pages, or none ("always" or
// "never" rather than "madvise", or no transparent huge pages at all);
// when the kernel counts untouched memory against a strict limit
// (vm.overcommit_memory 2), where the allocation could fail; and on 32-bit
// systems, whose address space is scarce.
func Advise(size int) (int, error) {
	if unsafe.Sizeof(uintptr(0)) < 8 || !askedFor() || strictCommit() {
		return 0, nil
	}
	n, err := mark(size, fresh)
	mu.Lock()
	marked += n
	mu.Unlock()
	return n, err
}

var (
	mu       sync.Mutex
	marked   int  // bytes Advise and Extend marked, at least
	extended bool // Extend marked its space
)

// Extend marks more of the heap, so that what is marked adds up to at
// least total bytes: for a program that learns only after its start that
// it will outgrow what Advise marked, as a build of more than about 10,000
// case stories does once its scan has counted them. Beyond the marked
// space the heap takes 4 kB at a fault again: a clean build of 30,000
// stories faulted 100,000 times, and took 14 % longer for it.
//
// It marks at most once, and only after Advise marked space, and not
// under the race detector. Unlike Advise's, its allocation may start in
// free memory the heap used before, below the fresh space past the
// heap's end it takes the rest from: that part is marked too, and keeps
// the 4 kB pages it has (see uncleared).
func Extend(total int) (int, error) {
	mu.Lock()
	defer mu.Unlock()
	if extended || marked == 0 || total <= marked || raceDetector {
		return 0, nil
	}
	extended = true
	// At least twice what is marked: more than the heap holds free.
	n, err := mark(max(total, 2*marked), uncleared)
	marked = max(marked, n) // the two may overlap
	return n, err
}

// mark allocates size bytes of heap with alloc, marks the whole huge
// pages in it for huge pages, and lets it go; it returns how many bytes it
// marked.
func mark(size int, alloc func(int) []byte) (int, error) {
	// The allocation would set off a collection at once, which could find
	// the space still in hand and set the heap's next goal by it, twice its
	// size: a build's memory doubled. With collections off until the
	// space is let go, the next one frees it, and sets the goal by what is
	// in use; it starts with the program's next allocation, beside it.
	gcPercent := debug.SetGCPercent(-1)
	defer debug.SetGCPercent(gcPercent)
	space := alloc(size)
	base := uintptr(unsafe.Pointer(unsafe.SliceData(space)))
	from := (base + hugePage - 1) &^ (hugePage - 1)
	to := (base + uintptr(size)) &^ (hugePage - 1)
	if to <= from {
		return 0, nil
	}
	if err := syscall.Madvise(space[from-base:to-base], syscall.MADV_HUGEPAGE); err != nil {
		return 0, err
	}
	return int(to - from), nil
}

// fresh allocates space at the program's start, when the heap takes it
// from fresh address space, which the runtime does not clear: untouched.
func fresh(size int) []byte { return make([]byte, size) }

// uncleared allocates space the runtime does not clear, as it would clear
// one from make that starts in memory the heap used before, all of it,
// page by page (a rebuild of 30,000 stories touched 800 MB so, one time in
// six). strings.Builder.Grow allocates without clearing; its first byte
// is written to learn where the space is, and the huge page that byte is
// in keeps 4 kB pages. The other bytes are never read.
func uncleared(size int) []byte {
	var b strings.Builder
	b.Grow(size)
	b.WriteByte(0)
	return unsafe.Slice(unsafe.StringData(b.String()), size)
}

// askedFor reports whether the system gives huge pages only to memory
// marked for them.
func askedFor() bool {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && bytes.Contains(mode, []byte("[madvise]"))
}

// strictCommit reports whether the kernel refuses memory a program maps
// beyond a fixed limit, touched or not.
func strictCommit() bool {
	mode, err := os.ReadFile("/proc/sys/vm/overcommit_memory")
	return err == nil && bytes.HasPrefix(bytes.TrimSpace(mode), []byte("2"))
}
