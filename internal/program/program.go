// Package program identifies the running program by its own bytes, for the
// build's cache: what one build of report made, another build of report,
// with any line of its code changed, must never take for its own.
//
// The identity is the Go build ID the linker writes into the executable:
// the hash of the link's inputs and of the executable's own content, so
// that it changes with any change of code, however the program was made
// (go build, go run, go test, a release; with or without -trimpath or
// version control), where a version string would not change with an
// uncommitted edit. On Linux it is read from the ELF note in a fraction of
// a millisecond; where the executable is no ELF file, the whole executable
// is hashed instead (about 10 ms for report's 19 MB).
package program

import (
	"crypto/sha256"
	"debug/elf"
	"errors"
	"io"
	"os"
	"sync"
)

// Fingerprint is the SHA-256 of the running executable, read once.
func Fingerprint() ([32]byte, error) { return fingerprint() }

var fingerprint = sync.OnceValues(func() ([32]byte, error) {
	var sum [32]byte
	exe, err := os.Executable()
	if err != nil {
		return sum, err
	}
	if id, err := elfBuildID(exe); err == nil && len(id) > 0 {
		return sha256.Sum256(id), nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, err
	}
	h.Sum(sum[:0])
	return sum, nil
})

// elfBuildID is the content of the Go build ID note of an ELF executable.
func elfBuildID(exe string) ([]byte, error) {
	f, err := elf.Open(exe)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	note := f.Section(".note.go.buildid")
	if note == nil {
		return nil, errors.New("no Go build ID note")
	}
	return note.Data()
}
