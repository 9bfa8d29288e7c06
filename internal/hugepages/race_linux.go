//go:build race

package hugepages

// raceDetector reports whether the program runs with the race detector,
// which keeps a record of its own for all the heap holds: for the space
// Extend would mark, 200 MB of it made resident.
const raceDetector = true
