// Command report builds the online edition of the Danish clusters' annual
// performance report. See the README for how to use it.
package main

import (
	"os"

	"report/internal/cli"
	"report/internal/heapfloor"
	"report/internal/hugepages"
)

// heapSpace is how much of the heap hugepages.Advise marks: more than a
// site of 10,000 stories uses at its peak, and address space only until
// touched.
const heapSpace = 256 << 20

// heapFloor is the heap below which the collector does not run: about
// what a build of the shipped edition holds at its end, when its last
// collections run at an 18 MB goal (see package heapfloor).
const heapFloor = 16 << 20

func main() {
	_, _ = hugepages.Advise(heapSpace) // a speed-up, or nothing
	heapfloor.Hold(heapFloor)
	os.Exit(cli.Main())
}
