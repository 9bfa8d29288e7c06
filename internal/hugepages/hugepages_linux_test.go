package hugepages

import (
	"bufio"
	"os"
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
