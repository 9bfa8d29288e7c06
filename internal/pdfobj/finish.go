package pdfobj

// Chromium's PDF is not yet the one published: it lacks the metadata, it
// differs from run to run of the same page, and it leaves marks untagged.
// finish writes it anew, object by object, each object as it was or
// rewritten, with a new cross-reference table.

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
)

// nodeID is the id Chromium gives each element of the structure tree: the
// number of its DOM node, which differs from one run to the next by the
// nodes the browser made before (the id tree is sorted by it).
var nodeID = regexp.MustCompile(`\(node(\d{8})\)`)

// Finish rewrites Chromium's PDF whole: its document information says
// the title, author, subject and date of meta, with an XMP metadata stream
// in the catalog that says the same (and the language); and what differs
// between two runs of the same page is made the same, so that the same
// site gives the same file: the dates, and the structure elements' ids,
// renumbered in their order. The marks Chromium leaves outside marked
// content, the margins' running heads and page numbers above all, become
// artifacts (see markArtifacts). An outline title that is one of headings
// but for its spaces gets the heading's own words back (see fixTitle).
func Finish(data []byte, meta Meta, headings []string) ([]byte, error) {
	out, err := finish(data, meta, headings)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return out, nil
}

func finish(data []byte, meta Meta, headings []string) ([]byte, error) {
	f, err := parse(data)
	if err != nil {
		return nil, err
	}
	w, err := newRewrite(f)
	if err != nil {
		return nil, err
	}
	creator := "report-pdf, with Chromium"
	w.info = infoDict(meta, creator, w.producer)
	w.renumber = f.renumberNodes()
	if w.contents, err = f.contentStreams(); err != nil {
		return nil, err
	}
	w.spaced = spacedHeadings(headings)
	if err := w.objects(); err != nil {
		return nil, err
	}
	if !w.hasInfo {
		w.write(w.infoNum, w.info)
	}
	xmp := xmpPacket(meta, creator, w.producer)
	w.write(w.metaNum, fmt.Sprintf("<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n%s\nendstream", len(xmp), xmp))
	return w.end(), nil
}

// rewrite is a PDF being written anew from f: the objects written so far,
// where each begins, and what the objects are rewritten with.
type rewrite struct {
	f       *File
	out     bytes.Buffer
	offsets map[int]int // object number → offset of "N 0 obj" in out

	root     ref
	hasInfo  bool   // whether Chromium wrote document information
	infoNum  int    // the document information: Chromium's object, or a new one
	metaNum  int    // the XMP metadata, a new object
	producer string // Chromium's name for itself, kept

	info     string            // the document information dictionary
	renumber map[string]string // structure element id → id in order
	contents map[int]bool      // the pages' content streams
	spaced   map[string]string // see spacedHeadings
}

// newRewrite reads what the rewrite needs of f's trailer and document
// information, and starts the file with f's header.
func newRewrite(f *File) (*rewrite, error) {
	root := f.trailer["Root"].(ref) // parse holds the trailer to this
	if err := f.plainDict(root); err != nil {
		return nil, fmt.Errorf("the catalog, object %d: %w", root.num, err)
	}
	infoRef, hasInfo := f.trailer["Info"].(ref)
	size := f.trailer["Size"].(int)
	w := &rewrite{f: f, offsets: map[int]int{}, root: root, hasInfo: hasInfo,
		infoNum: infoRef.num, metaNum: size, producer: "Chromium"}
	if hasInfo {
		if err := f.plainDict(infoRef); err != nil {
			return nil, fmt.Errorf("the document information, object %d: %w", infoRef.num, err)
		}
		old, _ := f.dict(infoRef)
		if p, ok := old["Producer"].(string); ok {
			w.producer = p
		}
	} else {
		w.infoNum, w.metaNum = size, size+1
	}
	w.out.Write(f.header)
	return w, nil
}

// plainDict checks that r names an object that is a dictionary and not a
// stream, which finish may write anew or add to.
func (f *File) plainDict(r ref) error {
	o, ok := f.objects[r.num]
	switch {
	case !ok:
		return fmt.Errorf("there is no such object")
	case o.isStream:
		return fmt.Errorf("it is a stream, not a dictionary")
	}
	_, err := f.dict(r)
	return err
}

// renumberNodes numbers the structure elements' ids from 1, in the order
// of Chromium's numbers, which the id tree is sorted by.
func (f *File) renumberNodes() map[string]string {
	var ids []string
	for _, num := range f.order {
		if !f.objects[num].isStream {
			for _, m := range nodeID.FindAllSubmatch(f.span(num), -1) {
				ids = append(ids, string(m[1]))
			}
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	renumber := map[string]string{}
	for i, id := range ids {
		renumber[id] = fmt.Sprintf("%08d", i+1)
	}
	return renumber
}

// objects writes every object of f, in f's order, each as finish wants it.
func (w *rewrite) objects() error {
	for _, num := range w.f.order {
		o, s := w.f.objects[num], w.f.span(num)
		switch {
		case num == w.infoNum:
			w.write(num, w.info)
		case num == w.root.num:
			if err := w.catalog(o); err != nil {
				return fmt.Errorf("the catalog, object %d: %w", num, err)
			}
		case w.contents[num]:
			marked, _, err := w.f.markArtifacts(o)
			if err != nil {
				return fmt.Errorf("object %d: %w", num, err)
			}
			w.offsets[num] = w.out.Len()
			w.out.Write(marked)
		case o.isStream:
			w.offsets[num] = w.out.Len()
			w.out.Write(s)
		default:
			w.offsets[num] = w.out.Len()
			s = fixTitle(o, s, w.spaced)
			w.out.Write(nodeID.ReplaceAllFunc(s, func(m []byte) []byte {
				return []byte("(node" + w.renumber[string(m[5:13])] + ")")
			}))
		}
	}
	return nil
}

// catalog writes the catalog, o, with the XMP metadata added to its
// dictionary, before the dictionary's ">>".
func (w *rewrite) catalog(o *object) error {
	if _, ok := o.value.(map[string]any)["Metadata"]; ok {
		return fmt.Errorf("it has /Metadata already")
	}
	s := w.f.span(o.num)
	dictEnd := o.valueEnd - o.start - len(">>")
	w.offsets[o.num] = w.out.Len()
	w.out.Write(s[:dictEnd])
	fmt.Fprintf(&w.out, "\n/Metadata %d 0 R", w.metaNum)
	w.out.Write(s[dictEnd:])
	return nil
}

// write writes a new object, or one whose body is new.
func (w *rewrite) write(num int, body string) {
	w.offsets[num] = w.out.Len()
	fmt.Fprintf(&w.out, "%d 0 obj\n%s\nendobj\n", num, body)
}

// end writes the cross-reference table and the trailer, and returns the
// file.
func (w *rewrite) end() []byte {
	newSize := w.metaNum + 1
	xref := w.out.Len()
	fmt.Fprintf(&w.out, "xref\n0 %d\n0000000000 65535 f \n", newSize)
	for num := 1; num < newSize; num++ {
		if off, ok := w.offsets[num]; ok {
			fmt.Fprintf(&w.out, "%010d 00000 n \n", off)
		} else {
			w.out.WriteString("0000000000 00001 f \n")
		}
	}
	fmt.Fprintf(&w.out, "trailer\n<</Size %d\n/Root %d 0 R\n/Info %d 0 R>>\nstartxref\n%d\n%%%%EOF\n", newSize, w.root.num, w.infoNum, xref)
	return w.out.Bytes()
}
