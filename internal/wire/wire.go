// Package wire is the encoding of what a build keeps for the next (see
// package pipeline): numbers as varints, strings and byte slices with their
// length. Writing it by hand rather than with encoding/gob matters for a
// large site: a rebuild of ten thousand stories reads some 40 MB of it,
// which gob decodes in about 0.4 s, and a Reader in a tenth of that,
// mostly because every string it returns is part of one copy of the file,
// not a copy of its own.
//
// The file is written and read by the same program (the pipeline marks it
// with the program's build ID), so it needs no version of its own; but a
// file cut short or damaged must not be taken for a good one: a Reader
// past the end or on a malformed number returns zero values and reports
// the error once, from Err.
package wire

import (
	"encoding/binary"
	"errors"
	"io"
	"unsafe"
)

// Writer writes to an io.Writer through a small buffer of its own, so that
// a file of tens of megabytes is never held in memory whole: fresh memory
// costs a page fault every 4 KB, which on a virtual machine is most of the
// cost of writing it.
type Writer struct {
	w   io.Writer
	B   []byte
	err error
}

// NewWriter writes to w; Flush writes what is still buffered.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w, B: make([]byte, 0, 64<<10)} }

// Flush writes what is buffered, and returns the first error of any write.
func (w *Writer) Flush() error {
	if w.err == nil && len(w.B) > 0 {
		_, w.err = w.w.Write(w.B)
	}
	w.B = w.B[:0]
	return w.err
}

// spill writes the buffer out once it is full.
func (w *Writer) spill() {
	if w.w != nil && len(w.B) >= 64<<10 {
		_ = w.Flush() // the error is kept for the last Flush
	}
}

func (w *Writer) Int(n int64)    { w.B = binary.AppendVarint(w.B, n); w.spill() }
func (w *Writer) Key(k [32]byte) { w.B = append(w.B, k[:]...); w.spill() }
func (w *Writer) String(s string) {
	w.Int(int64(len(s)))
	w.Raw(s)
}

func (w *Writer) Bytes(b []byte) {
	w.Int(int64(len(b)))
	if w.w != nil && len(b) > cap(w.B) {
		if w.Flush() == nil {
			_, w.err = w.w.Write(b)
		}
		return
	}
	w.B = append(w.B, b...)
	w.spill()
}

// Raw writes what a Reader's Since returned: values written before, as
// they were, with no length of their own.
func (w *Writer) Raw(s string) {
	if w.w != nil && len(s) > cap(w.B) {
		if w.Flush() == nil {
			_, w.err = io.WriteString(w.w, s)
		}
		return
	}
	w.B = append(w.B, s...)
	w.spill()
}

func (w *Writer) Bool(v bool) {
	if v {
		w.Int(1)
	} else {
		w.Int(0)
	}
}

// Reader reads what a Writer wrote from src.
type Reader struct {
	src string
	at  int
	err error
}

// NewReader reads from src, which the strings it returns share.
func NewReader(src string) *Reader { return &Reader{src: src} }

// NewReaderBytes reads from b, which the caller must never change again:
// the strings the Reader returns are parts of b, not copies, which spares
// copying a large file once more into fresh memory.
func NewReaderBytes(b []byte) *Reader {
	return NewReader(unsafe.String(unsafe.SliceData(b), len(b)))
}

// ErrCorrupt is the error of a file cut short or damaged.
var ErrCorrupt = errors.New("cut short or damaged")

// Err is the first error the Reader met, or nil.
func (r *Reader) Err() error { return r.err }

// Offset is how many bytes of the source were read.
func (r *Reader) Offset() int { return r.at }

// Since is what was read from offset (an Offset) on, as written: a part of
// the source, which Writer.Raw writes again as it is.
func (r *Reader) Since(offset int) string { return r.src[offset:r.at] }

// Done reports whether everything was read, without error.
func (r *Reader) Done() bool { return r.err == nil && r.at == len(r.src) }

func (r *Reader) Int() int64 {
	var u uint64
	for shift := uint(0); ; shift += 7 {
		if r.at >= len(r.src) || shift > 63 {
			r.fail()
			return 0
		}
		c := r.src[r.at]
		r.at++
		u |= uint64(c&0x7f) << shift
		if c < 0x80 {
			break
		}
	}
	n := int64(u >> 1) // zig-zag, as binary.AppendVarint writes
	if u&1 != 0 {
		n = ^n
	}
	return n
}

func (r *Reader) Key() (k [32]byte) {
	if len(r.src)-r.at < 32 {
		r.fail()
		return k
	}
	copy(k[:], r.src[r.at:])
	r.at += 32
	return k
}

// String is a part of the source, not a copy.
func (r *Reader) String() string {
	n := r.Count()
	s := r.src[r.at : r.at+n]
	r.at += n
	return s
}

// Bytes is a copy: the caller may change it.
func (r *Reader) Bytes() []byte { return []byte(r.String()) }

func (r *Reader) Bool() bool { return r.Int() == 1 }

// Count reads a length or a number of items, refusing one larger than
// what is left to read, so that a damaged file cannot make its reader
// allocate without end.
func (r *Reader) Count() int {
	n := r.Int()
	if n < 0 || n > int64(len(r.src)-r.at) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *Reader) fail() {
	if r.err == nil {
		r.err = ErrCorrupt
	}
	r.at = len(r.src)
}
