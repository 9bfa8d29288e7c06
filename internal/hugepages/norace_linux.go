//go:build !race

package hugepages

// raceDetector reports whether the program runs with the race detector
// (see race_linux.go).
const raceDetector = false
