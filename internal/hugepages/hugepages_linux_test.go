package hugepages

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestAdviseMarksTheHeap: where the system gives huge pages to memory
// marked for them, after Advise the process has memory marked ("hg" among
// a mapping's VmFlags in /proc/self/smaps) of at least the size Advise
// says it marked, which is 64 MB less rounding; elsewhere Advise marks
// nothing.
func TestAdviseMarksTheHeap(t *testing.T) {
	before := markedBytes(t)
	n, err := Advise(64 << 20)
	if err != nil {
		t.Fatalf("Advise: %v", err)
	}
	if !askedFor() || strictCommit() {
		if n != 0 {
			t.Errorf("Advise marked %d bytes where the system gives huge pages without asking, or commits strictly", n)
		}
		return
	}
	if n < 62<<20 {
		t.Errorf("Advise marked %d bytes of 64 MB; rounding to 2 MB pages takes at most 2 MB off", n)
	}
	if after := markedBytes(t); after-before < n {
		t.Errorf("the process has %d bytes marked for huge pages, %d before Advise, which says it marked %d", after, before, n)
	}
}

// markedBytes adds up the sizes of the process's mappings marked for huge
// pages.
func markedBytes(t *testing.T) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	total, size := 0, 0
	s := bufio.NewScanner(f)
	for s.Scan() {
		fields := strings.Fields(s.Text())
		switch {
		case len(fields) == 3 && fields[0] == "Size:" && fields[2] == "kB":
			kb, err := strconv.Atoi(fields[1])
			if err != nil {
				t.Fatal(err)
			}
			size = kb << 10
		case len(fields) > 0 && fields[0] == "VmFlags:":
			for _, flag := range fields[1:] {
				if flag == "hg" {
					total += size
				}
			}
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return total
}

// TestExtendMarksFreshSpace: after Advise, and after the heap has used
// and let go of memory that is still the program's, Extend marks at least
// what it was asked for on top, once, without touching it (the process's
// resident memory grows by far less than what was marked); it marks
// nothing where Advise marks nothing, or marked nothing yet.
func TestExtendMarksFreshSpace(t *testing.T) {
	reset := func(m int, e bool) {
		mu.Lock()
		marked, extended = m, e
		mu.Unlock()
	}
	t.Cleanup(func() { reset(0, false) })
	reset(0, false)
	if n, _ := Extend(512 << 20); n != 0 {
		t.Errorf("Extend marked %d bytes with nothing marked by Advise", n)
	}
	first, err := Advise(64 << 20)
	if err != nil {
		t.Fatalf("Advise: %v", err)
	}
	if first == 0 || raceDetector {
		if n, _ := Extend(512 << 20); n != 0 {
			t.Errorf("Extend marked %d bytes where Advise marks nothing, or under the race detector", n)
		}
		return // make test runs this package's tests without the race detector too
	}
	// Memory the heap used and let go, which the runtime keeps a while.
	used := make([][]byte, 48)
	for i := range used {
		used[i] = make([]byte, 1<<20)
		for j := 0; j < len(used[i]); j += 4096 {
			used[i][j] = 1
		}
	}
	used = nil
	runtime.GC()

	before, rss := markedBytes(t), residentBytes(t)
	n, err := Extend(512 << 20)
	if err != nil {
		t.Fatalf("Extend: %v", err)
	}
	if n < 510<<20 {
		t.Errorf("Extend marked %d bytes, want at least 510 MB", n)
	}
	// What Extend marks may overlap what Advise marked; in all, it is what
	// Extend was asked for, less rounding to whole huge pages.
	if after := markedBytes(t); after < 508<<20 || after <= before {
		t.Errorf("the process has %d bytes marked for huge pages, %d before Extend, which was asked for 512 MB in all", after, before)
	}
	if grown := residentBytes(t) - rss; grown > 32<<20 {
		t.Errorf("Extend made %d bytes resident: the runtime cleared the space it marked", grown)
	}
	if again, _ := Extend(2048 << 20); again != 0 {
		t.Errorf("Extend marked %d bytes a second time", again)
	}
}

// residentBytes is the process's resident memory.
func residentBytes(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Fatal(err)
	}
	fields := strings.Fields(string(b))
	pages, err := strconv.Atoi(fields[1])
	if err != nil {
		t.Fatal(err)
	}
	return pages * os.Getpagesize()
}
