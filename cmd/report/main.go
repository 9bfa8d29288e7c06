// Command report builds the online edition of the Danish clusters' annual
// performance report. See the README for how to use it.
package main

import (
	"os"

	"report/internal/cli"
	"report/internal/hugepages"
)

// heapSpace is how much of the heap hugepages.Advise marks: more than a
// site of 10,000 stories uses at its peak, and address space only until
// touched.
const heapSpace = 256 << 20

func main() {
	_, _ = hugepages.Advise(heapSpace) // a speed-up, or nothing
	os.Exit(cli.Main())
}
