package site

import (
	"crypto/sha256"
	"encoding/binary"
)

// Prints identify what the site's content files hold, for a build that
// reuses the pages the last build rendered (see render.Plan.PageKey). A
// page depends on its own file whole, on every file's front matter (the
// titles, summaries and order that lists, navigation and language switches
// show), and, only where its layout reads another page's Body, on every
// file whole.
type Prints struct {
	// Matter is every file's path and front matter, in the order the
	// files were read.
	Matter [32]byte
	// Sources are each file's whole bytes and what their parse depends
	// on (the parse's cache key), by path: for a translation, the Danish
	// page's bytes too.
	Sources map[string][32]byte
	// All is every file's path and source, in the order the files were
	// read.
	All [32]byte
}

// prints are the files' prints, or nil when any file was parsed without a
// cache (so without a key) or failed to parse.
func prints(files []file, pages []parsed) *Prints {
	p := &Prints{Sources: make(map[string][32]byte, len(files))}
	matter, all := sha256.New(), sha256.New()
	var buf []byte
	for i, f := range files {
		if pages[i].key == ([32]byte{}) || pages[i].doc == nil {
			return nil
		}
		// Through one buffer: a string converted for each Write would be
		// a copy in fresh memory for each file.
		buf = binary.LittleEndian.AppendUint64(buf[:0], uint64(len(f.path)))
		buf = append(buf, f.path...)
		matter.Write(buf)
		all.Write(buf)
		src := pages[i].doc.Source()
		buf = binary.LittleEndian.AppendUint64(buf[:0], uint64(len(src)))
		buf = append(buf, src...)
		matter.Write(buf)
		all.Write(pages[i].key[:])
		p.Sources[f.path] = pages[i].key
	}
	matter.Sum(p.Matter[:0])
	all.Sum(p.All[:0])
	return p
}
