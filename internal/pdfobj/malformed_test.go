package pdfobj

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// buildPDF writes a PDF of the shape Chromium writes from its objects'
// bodies, by number, with the trailer's entries besides /Size.
func buildPDF(objects map[int]string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	var nums []int
	for n := range objects {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	size := nums[len(nums)-1] + 1
	offsets := map[int]int{}
	for _, n := range nums {
		offsets[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, objects[n])
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		if off, ok := offsets[n]; ok {
			fmt.Fprintf(&b, "%010d 00000 n \n", off)
		} else {
			b.WriteString("0000000000 00001 f \n")
		}
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d\n%s>>\nstartxref\n%d\n%%%%EOF\n", size, trailer, xref)
	return b.Bytes()
}

// stream is the body of a stream object with dict's entries and data.
func stream(dict string, data []byte) string {
	return fmt.Sprintf("<<%s /Length %d>> stream\n%s\nendstream", dict, len(data), data)
}

func deflate(s string) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// pageContent is a page's content as Chromium draws it: a page number
// outside marked content, a paragraph inside it.
const pageContent = "BT /F1 9 Tf (1) Tj ET /P <</MCID 0>> BDC BT (x) Tj ET EMC"

// smallPDF is the objects of a one-page PDF that finish takes.
func smallPDF() map[int]string {
	return map[int]string{
		1: "<</Title (t) /Producer (Skia/PDF m156)>>",
		2: "<</Type /Catalog /Pages 3 0 R>>",
		3: "<</Type /Pages /Kids [4 0 R] /Count 1>>",
		4: "<</Type /Page /Parent 3 0 R /Contents 5 0 R>>",
		5: stream("/Filter /FlateDecode", deflate(pageContent)),
	}
}

const smallTrailer = "/Root 2 0 R /Info 1 0 R"

func TestSmallPDF(t *testing.T) {
	out, err := Finish(buildPDF(smallPDF(), smallTrailer), Meta{Title: "T", Lang: "da"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte("/Producer <feff0053006b00690061002f0050004400460020006d003100350036>")) {
		t.Errorf("the finished PDF does not keep Chromium's producer:\n%s", out)
	}
	f, err := Parse(out)
	if err != nil {
		t.Fatalf("the finished PDF: %v", err)
	}
	content, err := inflated(f.objects[5])
	if err != nil || !strings.Contains(string(content), "/Artifact BMC BT /F1 9 Tf (1) Tj ET\nEMC /P") {
		t.Errorf("the page number is not an artifact: %v\n%s", err, content)
	}
}

func inflated(o *object) ([]byte, error) {
	var b bytes.Buffer
	r, err := zlib.NewReader(bytes.NewReader(o.stream))
	if err != nil {
		return nil, err
	}
	_, err = b.ReadFrom(r)
	return b.Bytes(), err
}

// malformed is a PDF planted with one fault, and what the error must say.
type malformed struct {
	name, want string
	data       []byte
}

// withObject is smallPDF with object num's body replaced (or added).
func withObject(num int, body string) []byte {
	objects := smallPDF()
	objects[num] = body
	return buildPDF(objects, smallTrailer)
}

// replaced is data with old replaced by with, once.
func replaced(data []byte, old, with string) []byte {
	if !bytes.Contains(data, []byte(old)) {
		panic(fmt.Sprintf("%q is not in the PDF", old))
	}
	return bytes.Replace(data, []byte(old), []byte(with), 1)
}

func malformedPDFs() []malformed {
	good := buildPDF(smallPDF(), smallTrailer)
	xref := bytes.Index(good, []byte("\nxref\n")) + 1
	tail := func(s string) []byte { return append(slices.Clip(good[:xref]), s...) }
	// entry is object num's entry in the table, but its end of line.
	entry := func(num int) string {
		return fmt.Sprintf("%010d 00000 n", bytes.Index(good, fmt.Appendf(nil, "\n%d 0 obj", num))+1)
	}
	return []malformed{
		{"not a PDF", "does not begin with %PDF-", []byte("<html>")},
		{"no startxref", "no startxref", good[:len(good)-20]},
		{"startxref past the end", "no cross-reference table there", replaced(good, fmt.Sprintf("startxref\n%d", xref), "startxref\n999999")},
		{"a cross-reference stream", "no cross-reference table there", replaced(good, "xref\n0 6", "<</Type /XRef>>")},
		{"an empty xref", "lists no object in use", tail(fmt.Sprintf("xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 1 /Root 2 0 R>>\nstartxref\n%d\n%%%%EOF\n", xref))},
		{"an xref without sections", "lists no object in use", tail(fmt.Sprintf("xref\ntrailer\n<</Size 6 /Root 2 0 R>>\nstartxref\n%d\n%%%%EOF\n", xref))},
		{"an xref cut short", "the file ends before them", replaced(good, "xref\n0 6\n", "xref\n0 60000\n")},
		{"a section line", "is not \"first count\"", replaced(good, "xref\n0 6\n", "xref\n0 6 1\n")},
		{"an entry's offset", "is not \"oooooooooo ggggg n\"", replaced(good, "0000000015 00000 n", "00000000x5 00000 n")},
		{"an entry's type", "is not \"oooooooooo ggggg n\"", replaced(good, "0000000015 00000 n", "0000000015 00000 q")},
		{"an offset past the table", "outside the objects before the table", replaced(good, "0000000015 00000 n", "9999999999 00000 n")},
		{"an offset of 0", "outside the objects before the table", replaced(good, "0000000015 00000 n", "0000000000 00000 n")},
		{"an offset inside an object", "where nothing but white space and comments may stand", replaced(good, entry(1), "0000000017 00000 n")},
		{"an offset at another object", "does not begin with \"2 0 obj\"", replaced(replaced(replaced(good, entry(1), "swapped"), entry(2), entry(1)), "swapped", entry(2))},
		{"two objects at one offset", "both at offset", replaced(good, entry(2), entry(1))},
		{"object 0 in use", "object 0, which is always free", replaced(good, "0000000000 65535 f", "0000000015 00000 n")},
		{"a generation", "only generation 0", replaced(good, "0000000015 00000 n", "0000000015 00001 n")},
		{"a truncated trailer", "no startxref", good[:bytes.LastIndex(good, []byte("/Root"))]},
		{"a trailer cut short", "is \"startxref\", not a name", replaced(good, "/Info 1 0 R>>", "/Info 1 0 R")},
		{"no trailer", "no \"trailer\"", replaced(good, "trailer\n", "")},
		{"an updated PDF", "/Prev is not supported", replaced(good, "/Root 2 0 R", "/Root 2 0 R /Prev 9")},
		{"an encrypted PDF", "/Encrypt is not supported", replaced(good, "/Root 2 0 R", "/Root 2 0 R /Encrypt 1 0 R")},
		{"a /Size short of the table", "/Size is 5, but the table has entries for 6 objects", replaced(good, "<</Size 6", "<</Size 5")},
		{"a /Size past the table", "/Size is 4444444444, but the table has entries for 6 objects", replaced(good, "<</Size 6", "<</Size 4444444444")},
		{"a section after a gap", "begins at object 9, not 6", replaced(good, "trailer", "9 1\n0000000015 00000 n \ntrailer")},
		{"a section that does not begin at 0", "begins at object 1, not 0", replaced(good, "xref\n0 6\n0000000000 65535 f \n", "xref\n1 5\n")},
		{"no /Root", "/Root is not a reference", replaced(good, "/Root 2 0 R", "/Root (2)")},
		{"/Info the catalog", "/Info is not a reference to an object of its own", replaced(good, "/Info 1 0 R", "/Info 2 0 R")},
		{"a second startxref", "is not the file's last", replaced(good, "startxref\n", "startxref\n5\n%%EOF\nstartxref\n")},
		{"junk between objects", "after endobj", withObject(1, "<<>>\nendobj\n9 0 obj\n(hidden)")},
		{"no endobj", "where \"endobj\" was expected", withObject(1, "<<>> <<>>")},
		{"an unknown stream filter", "the stream filter /FooDecode is not supported", withObject(5, stream("/Filter /FooDecode", deflate(pageContent)))},
		{"a filter not a name", "/Filter is a string, not a name", withObject(5, stream("/Filter (FlateDecode)", deflate(pageContent)))},
		{"a content filter finish cannot inflate", "finish inflates /FlateDecode alone", withObject(5, stream("/Filter /LZWDecode", []byte("x")))},
		{"an unfiltered content stream", "has no filter", withObject(5, stream("", []byte(pageContent)))},
		{"a content stream with parameters", "/DecodeParms, which finish would drop", withObject(5, stream("/Filter /FlateDecode /DecodeParms <<>>", deflate(pageContent)))},
		{"a /Length too long", "runs past the object's end", withObject(5, "<</Filter /FlateDecode /Length 999>> stream\nxx\nendstream")},
		{"a /Length too short", "does not end where \"endstream\" begins", withObject(5, "<</Filter /FlateDecode /Length 1>> stream\nxx\nendstream")},
		{"a negative /Length", "/Length is not a number of bytes", withObject(5, "<</Filter /FlateDecode /Length -2>> stream\nxx\nendstream")},
		{"an indirect /Length", "/Length is not a number of bytes", withObject(5, "<</Filter /FlateDecode /Length 1 0 R>> stream\nxx\nendstream")},
		{"a /Length out of range", "is out of range", withObject(5, "<</Filter /FlateDecode /Length 99999999999999999999>> stream\nxx\nendstream")},
		{"no end of line after stream", "no end of line after \"stream\"", withObject(5, "<</Length 2>> stream xx\nendstream")},
		{"a stream without a dictionary", "a stream's dictionary is an array", withObject(5, "[] stream\nxx\nendstream")},
		{"a content stream that does not inflate", "does not inflate", withObject(5, stream("/Filter /FlateDecode", []byte("not deflated")))},
		{"a content stream cut short", "does not inflate", withObject(5, stream("/Filter /FlateDecode", deflate(pageContent)[:10]))},
		{"an inline image", "an inline image (BI)", withObject(5, stream("/Filter /FlateDecode", deflate("BI /W 1 /H 1 ID x EI")))},
		{"marked content that does not nest", "EMC ends marked content that was never begun", withObject(5, stream("/Filter /FlateDecode", deflate("EMC BT ET")))},
		{"contents not a stream", "/Contents names object 1, which is not a stream", withObject(4, "<</Type /Page /Parent 3 0 R /Contents 1 0 R>>")},
		{"contents not a reference", "/Contents holds a number", withObject(4, "<</Type /Page /Parent 3 0 R /Contents [5]>>")},
		{"a page tree that holds itself", "the page tree holds object 3 twice", withObject(3, "<</Type /Pages /Kids [3 0 R 3 0 R] /Count 1>>")},
		{"a page that is no reference", "where a reference to a page was expected", withObject(3, "<</Type /Pages /Kids [<</Type /Page>>] /Count 1>>")},
		{"a reference to no object", "no object 9", withObject(3, "<</Type /Pages /Kids [9 0 R] /Count 1>>")},
		{"a catalog that is a stream", "it is a stream, not a dictionary", withObject(2, stream("/Type /Catalog /Pages 3 0 R", nil))},
		{"information that is an array", "a dictionary was expected, not an array", withObject(1, "[(t)]")},
		{"a catalog with metadata", "/Metadata already", withObject(2, "<</Type /Catalog /Pages 3 0 R /Metadata 1 0 R>>")},
		{"arrays nested too deep", "nested more than 64 deep", withObject(1, strings.Repeat("[", 100000))},
		{"a dictionary key twice", "has /Title twice", withObject(1, "<</Title (a) /Title (b)>>")},
		{"a dictionary key not a name", "a dictionary key is a string, not a name", withObject(1, "<<(Title) (a)>>")},
		{"an unclosed string", "an unclosed string", withObject(1, "<</Title (a>>")},
		{"a > alone", "unexpected '>'", withObject(1, "<</Title <0041>>")},
		{"a hex string with no hex in it", "a hex string holds 'x'", withObject(1, "<</Title <00x1>>>")},
		{"a broken name escape", "has a # not followed by two hex digits", withObject(1, "<</Title /A#zz>>")},
		{"a keyword for a value", "\"Inf\" where a value was expected", withObject(1, "<</Title Inf>>")},
		{"a brace", "a PostScript brace where a value was expected", withObject(1, "<</Title {1}>>")},
		{"junk before the first object", "before the first object", replaced(good, "%\xe2\xe3\xcf\xd3", "junk!")},
	}
}

// TestMalformed plants one fault at a time in a PDF finish takes: each
// must be an error that names it, never a panic and never a file.
func TestMalformed(t *testing.T) {
	for _, m := range malformedPDFs() {
		t.Run(m.name, func(t *testing.T) {
			out, err := Finish(m.data, Meta{Title: "T"}, nil)
			if err == nil {
				t.Fatalf("finished:\n%s", out)
			}
			if !strings.Contains(err.Error(), m.want) {
				t.Errorf("the error %q does not say %q", err, m.want)
			}
			if !strings.HasPrefix(err.Error(), "pdf: ") {
				t.Errorf("the error %q does not begin with \"pdf: \"", err)
			}
			// Reading what a print needs must refuse it too, or be sure of it.
			if f, err := Parse(m.data); err == nil {
				f.Destinations()
				f.PageCount()
			}
			Breaks(m.data)
		})
	}
}
