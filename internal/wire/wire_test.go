package wire

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	var w Writer
	ints := []int64{0, 1, -1, 63, -64, 64, 1 << 40, math.MaxInt64, math.MinInt64}
	for _, n := range ints {
		w.Int(n)
	}
	w.String("")
	w.String("æøå")
	w.Bytes([]byte{0, 1, 2})
	w.Bool(true)
	w.Bool(false)
	w.Key([32]byte{1, 2, 31: 3})
	r := NewReader(string(w.B))
	for _, n := range ints {
		if got := r.Int(); got != n {
			t.Errorf("Int = %d, want %d", got, n)
		}
	}
	if s := r.String(); s != "" {
		t.Errorf("String = %q", s)
	}
	if s := r.String(); s != "æøå" {
		t.Errorf("String = %q", s)
	}
	if b := r.Bytes(); string(b) != "\x00\x01\x02" {
		t.Errorf("Bytes = %q", b)
	}
	if !r.Bool() || r.Bool() {
		t.Error("Bool")
	}
	if k := r.Key(); k != ([32]byte{1, 2, 31: 3}) {
		t.Errorf("Key = %v", k)
	}
	if !r.Done() {
		t.Errorf("not done: %v", r.Err())
	}
}

// TestCutShort reads every prefix of a file: each is an error, never a
// panic, and never an allocation beyond the file.
func TestCutShort(t *testing.T) {
	var w Writer
	w.String("a string of some length")
	w.Int(1 << 50)
	w.Key([32]byte{9})
	for n := range len(w.B) {
		r := NewReader(string(w.B[:n]))
		_, _, _ = r.String(), r.Int(), r.Key()
		if r.Err() == nil {
			t.Errorf("a file cut to %d of %d bytes reads without error", n, len(w.B))
		}
	}
}

func TestHugeCount(t *testing.T) {
	var w Writer
	w.Int(1 << 60)
	r := NewReader(string(w.B))
	if n := r.Count(); n != 0 || r.Err() == nil {
		t.Errorf("Count = %d, %v; want 0 and an error", n, r.Err())
	}
}

// TestStream writes through an io.Writer, with strings longer than the
// buffer, and reads the same back.
func TestStream(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	long := strings.Repeat("x", 200<<10)
	for i := range 1000 {
		w.Int(int64(i))
		w.String("kort")
	}
	w.String(long)
	w.Bytes([]byte(long))
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	r := NewReaderBytes(out.Bytes())
	for i := range 1000 {
		if n, s := r.Int(), r.String(); n != int64(i) || s != "kort" {
			t.Fatalf("item %d reads %d %q", i, n, s)
		}
	}
	if r.String() != long || string(r.Bytes()) != long || !r.Done() {
		t.Errorf("the long strings do not read back: %v", r.Err())
	}
}
