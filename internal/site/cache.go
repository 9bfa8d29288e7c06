package site

import (
	"crypto/sha256"
	"encoding/binary"
	"sync"

	"report/internal/diag"
)

// Cache keeps parsed Markdown between builds of the preview server. A file
// whose bytes are unchanged, parsed against the same data and base path, is
// not parsed again; the problems its parse found are reported again. A
// parsed document is never changed after parsing, so sharing it between
// builds is safe.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry // by file path
}

type cacheEntry struct {
	key      [32]byte // of the file's bytes and what the parse depends on
	stamp    stamp    // the file's size and time when it was parsed
	env      [32]byte // what the parse depends on besides the file
	parsed   parsed
	problems []*diag.Problem
}

// stamp is what the file system says about a file without reading it. An
// unchanged stamp lets a rebuild skip opening the file at all.
type stamp struct {
	size    int64
	modTime int64
}

// envKey identifies what a file's parse depends on besides the file.
func envKey(dataPrint [32]byte, basePath string, edition int) [32]byte {
	h := sha256.New()
	h.Write(dataPrint[:])
	h.Write([]byte(basePath + "\x00"))
	_ = binary.Write(h, binary.LittleEndian, int64(edition))
	var key [32]byte
	h.Sum(key[:0])
	return key
}

// parseKey identifies the file's bytes in that environment.
func parseKey(src []byte, env [32]byte) [32]byte {
	h := sha256.New()
	h.Write(env[:])
	h.Write(src)
	var key [32]byte
	h.Sum(key[:0])
	return key
}

// unchanged returns the entry for a file whose stamp and environment are as
// they were.
func (c *Cache) unchanged(path string, st stamp, env [32]byte) (cacheEntry, bool) {
	if c == nil || st == (stamp{}) {
		return cacheEntry{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[path]
	return e, ok && e.stamp == st && e.env == env
}

func (c *Cache) get(path string, key [32]byte) (cacheEntry, bool) {
	if c == nil {
		return cacheEntry{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[path]
	return e, ok && e.key == key
}

func (c *Cache) put(path string, e cacheEntry) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]cacheEntry{}
	}
	c.entries[path] = e
}
