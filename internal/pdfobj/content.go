package pdfobj

// A page's content stream, inflated, its unmarked marks made artifacts
// (see artifacts), and deflated again; the rest of the file is copied as
// it is.

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
)

// maxContent bounds a page's content stream inflated: Chromium's pages
// take a few hundred kilobytes; more is a stream this program was not
// made for, or a deflate bomb.
const maxContent = 64 << 20

// markArtifacts rewrites a page's content stream, o, with its unmarked
// marks as artifacts, and says how many it wrapped. It returns the object
// as it was when it has nothing to wrap.
func (f *File) markArtifacts(o *object) ([]byte, int, error) {
	dict := o.value.(map[string]any) // a stream's value is its dictionary
	for k := range dict {
		if k != "Length" && k != "Filter" {
			return nil, 0, fmt.Errorf("a page's content stream has /%s, which finish would drop", k)
		}
	}
	if filter := dict["Filter"]; filter != name("FlateDecode") {
		what := "the filter " + kindOf(filter)
		switch filter := filter.(type) {
		case nil:
			what = "no filter"
		case name:
			what = "the filter /" + string(filter)
		}
		return nil, 0, fmt.Errorf("a page's content stream has %s; finish inflates /FlateDecode alone", what)
	}
	r, err := zlib.NewReader(bytes.NewReader(o.stream))
	if err != nil {
		return nil, 0, fmt.Errorf("a page's content stream does not inflate: %w", err)
	}
	content, err := io.ReadAll(io.LimitReader(r, maxContent+1))
	if err != nil {
		return nil, 0, fmt.Errorf("a page's content stream does not inflate: %w", err)
	}
	if len(content) > maxContent {
		return nil, 0, fmt.Errorf("a page's content stream inflates to more than %d bytes", maxContent)
	}
	marked, n, err := artifacts(content)
	if err != nil {
		return nil, 0, fmt.Errorf("a page's content stream, inflated: %w", err)
	}
	if n == 0 {
		return f.span(o.num), 0, nil
	}
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write(marked)
	w.Close()
	var out bytes.Buffer
	fmt.Fprintf(&out, "%d 0 obj\n<</Filter /FlateDecode\n/Length %d>> stream\n", o.num, z.Len())
	out.Write(z.Bytes())
	out.WriteString("\nendstream\nendobj\n")
	return out.Bytes(), n, nil
}

// contentStreams are the object numbers of the pages' content streams,
// whose unmarked marks finish makes artifacts.
func (f *File) contentStreams() (map[int]bool, error) {
	contents := map[int]bool{}
	pages, err := f.pages()
	if err != nil {
		return nil, err
	}
	for _, num := range pages {
		page, err := f.dict(ref{num, 0})
		if err != nil {
			return nil, err
		}
		var list []any
		switch c := page["Contents"].(type) {
		case nil:
		case []any:
			list = c
		default:
			list = []any{c}
		}
		for _, c := range list {
			r, ok := c.(ref)
			if !ok {
				return nil, fmt.Errorf("page object %d: /Contents holds %s, not a reference to a stream", num, kindOf(c))
			}
			if o := f.objects[r.num]; o == nil || !o.isStream {
				return nil, fmt.Errorf("page object %d: /Contents names object %d, which is not a stream", num, r.num)
			}
			contents[r.num] = true
		}
	}
	return contents, nil
}
