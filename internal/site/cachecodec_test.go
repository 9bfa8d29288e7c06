package site

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"report/internal/markdown"
	"report/internal/wire"
)

// TestCacheRoundTrip fills every field of a saved entry, down through its
// Markdown document and problems, with a value of its own, and checks that
// the entry comes back whole: a field added to any of these types and not
// to the encoding fails here.
func TestCacheRoundTrip(t *testing.T) {
	var want savedEntry
	n := 0
	fill(reflect.ValueOf(&want).Elem(), &n)
	var w wire.Writer
	encodeEntry(&w, &want)
	var got savedEntry
	r := wire.NewReader(string(w.B))
	decodeEntry(r, &got)
	if !r.Done() {
		t.Fatalf("the entry does not read back whole: %v", r.Err())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the entry read back is\n%+v\nnot\n%+v", got, want)
	}
	// And every prefix of it is refused, never misread.
	for cut := range len(w.B) {
		r := wire.NewReader(string(w.B[:cut]))
		var s savedEntry
		decodeEntry(r, &s)
		if r.Err() == nil {
			t.Fatalf("an entry cut to %d of %d bytes reads without error", cut, len(w.B))
		}
	}
}

// fill sets v, and everything it holds, to values that differ from zero
// and from each other; interfaces (an error's cause) stay nil.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d", *n))
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(*n))
	case reflect.Uint8, reflect.Uint64:
		v.SetUint(uint64(*n % 200))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i), n)
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i), n)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for range 2 {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fill(k, n)
			fill(e, n)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), n)
		v.Set(p)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), n)
			}
		}
	case reflect.Interface:
	default:
		panic("fill: no value for " + v.Type().String())
	}
}

// TestHTMLOfAChangedFile: a body the cache kept without its HTML whose file
// changed or vanished during the build gives no HTML, and fails the build.
func TestHTMLOfAChangedFile(t *testing.T) {
	c := &Cache{}
	kept := parsed{body: &markdown.Doc{Path: "content/2016/a.md"}}
	p := c.withHTML(kept, "content/2016/a.md", func() (parsed, bool) { return parsed{}, false })
	if err := c.Err(); err != nil {
		t.Fatalf("Err before the HTML was asked for: %v", err)
	}
	if html := p.body.HTML(); html != "" {
		t.Errorf("HTML = %q, want none", html)
	}
	if err := c.Err(); err == nil || !strings.Contains(err.Error(), "content/2016/a.md changed while the site was built") {
		t.Errorf("Err = %v, want the file named", err)
	}
	fresh := (&markdown.Doc{}).WithHTML("<p>ny</p>")
	q := c.withHTML(kept, "content/2016/a.md", func() (parsed, bool) { return parsed{body: fresh}, true })
	if html := q.body.HTML(); html != "<p>ny</p>" {
		t.Errorf("HTML = %q, want the file converted again", html)
	}
}

// TestCacheWritesBackWhatItRead: a cache read from its file and used
// whole writes the same bytes back, its entries as they were read rather
// than encoded again; an entry put since, as a rebuild puts one whose
// stamp changed, is encoded afresh.
func TestCacheWritesBackWhatItRead(t *testing.T) {
	first := &Cache{}
	load(t, cacheSite(), first)
	var w wire.Writer
	first.AppendTo(&w)
	written := string(w.B)

	read, err := ReadCache(wire.NewReader(written))
	if err != nil {
		t.Fatal(err)
	}
	if len(read.entries) != 3 {
		t.Fatalf("read %d entries, want 3", len(read.entries))
	}
	for path, e := range read.entries {
		if e.saved == "" {
			t.Errorf("%s: the entry as read is not kept", path)
		}
		read.use(path)
	}
	var again wire.Writer
	read.AppendTo(&again)
	if string(again.B) != written {
		t.Fatalf("written back, the cache differs from what was read:\n%q\n%q", again.B, written)
	}

	const path = "content/2016/a.md"
	e := read.entries[path]
	e.readAt++
	read.put(path, e)
	var after wire.Writer
	read.AppendTo(&after)
	back, err := ReadCache(wire.NewReader(string(after.B)))
	if err != nil {
		t.Fatal(err)
	}
	if got := back.entries[path].readAt; got != e.readAt {
		t.Errorf("an entry put after the read is written as read: readAt %d, want %d", got, e.readAt)
	}
}
