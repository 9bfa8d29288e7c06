package pdf

import (
	"bytes"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf16"

	"report/internal/render"
)

// nodeID is the id Chromium gives each element of the structure tree: the
// number of its DOM node, which differs from one run to the next by the
// nodes the browser made before (the id tree is sorted by it).
var nodeID = regexp.MustCompile(`\(node(\d{8})\)`)

// finish rewrites Chromium's PDF whole: its document information says the
// title, author, subject and dates of meta, with an XMP metadata stream in
// the catalog that says the same (and the language, lang); and what differs
// between two runs of the same page is made the same, so that the same
// site gives the same file: the dates, and the structure elements' ids,
// renumbered in their order. The marks Chromium leaves outside marked
// content, the margins' running heads and page numbers above all, become
// artifacts (see markArtifacts).
//
// Chromium writes the outline's titles from the headings' text as laid
// out, dropping the space where a heading wraps ("til danskevirksomheder");
// a title that is a heading of the page but for its spaces gets the
// heading's own words back.
func finish(data []byte, meta render.PrintMeta, lang string, headings []string) ([]byte, error) {
	f, err := parse(data)
	if err != nil {
		return nil, err
	}
	root, ok := f.trailer["Root"].(ref)
	if !ok {
		return nil, fmt.Errorf("the trailer names no catalog")
	}
	infoRef, hasInfo := f.trailer["Info"].(ref)
	size, ok := f.trailer["Size"].(int)
	if !ok || size <= 0 {
		return nil, fmt.Errorf("the trailer has no size")
	}
	old := map[string]any{}
	if hasInfo {
		if old, err = f.dict(infoRef); err != nil {
			return nil, fmt.Errorf("the document information: %w", err)
		}
	}
	creator, producer := "report-pdf, with Chromium", "Chromium"
	if p, ok := old["Producer"].(string); ok {
		producer = p
	}
	date := meta.Date.UTC()

	// The ids of the structure elements, in the order of their numbers.
	var ids []string
	for _, num := range f.order {
		if s := f.span(num); !isStream(s) {
			for _, m := range nodeID.FindAllSubmatch(s, -1) {
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

	// The pages' content streams, to mark what Chromium left unmarked.
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
		switch c := page["Contents"].(type) {
		case ref:
			contents[c.num] = true
		case []any:
			for _, r := range c {
				if r, ok := r.(ref); ok {
					contents[r.num] = true
				}
			}
		}
	}

	spaced := map[string]string{}
	for _, h := range headings {
		spaced[strings.Join(strings.Fields(h), "")] = h
	}

	var out bytes.Buffer
	out.Write(f.header)
	offsets := map[int]int{}
	infoNum, metaNum := infoRef.num, size
	if !hasInfo {
		infoNum, metaNum = size, size+1
	}
	newSize := metaNum + 1
	write := func(num int, body string) {
		offsets[num] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", num, body)
	}
	for _, num := range f.order {
		s := f.span(num)
		switch {
		case num == infoNum:
			write(num, infoDict(meta, creator, producer, date))
		case num == root.num:
			end := bytes.LastIndex(s, []byte("endobj"))
			close := bytes.LastIndex(s[:max(end, 0)], []byte(">>"))
			if end < 0 || close < 0 || bytes.Contains(s, []byte("/Metadata")) {
				return nil, fmt.Errorf("the catalog is not a dictionary this program can add metadata to")
			}
			offsets[num] = out.Len()
			out.Write(s[:close])
			fmt.Fprintf(&out, "\n/Metadata %d 0 R", metaNum)
			out.Write(s[close:])
		case contents[num]:
			offsets[num] = out.Len()
			marked, _ := markArtifacts(s)
			out.Write(marked)
		case isStream(s):
			offsets[num] = out.Len()
			out.Write(s)
		default:
			offsets[num] = out.Len()
			s = fixTitle(s, spaced)
			out.Write(nodeID.ReplaceAllFunc(s, func(m []byte) []byte {
				return []byte("(node" + renumber[string(m[5:13])] + ")")
			}))
		}
	}
	if !hasInfo {
		write(infoNum, infoDict(meta, creator, producer, date))
	}
	xmp := xmpPacket(meta, creator, producer, lang, date)
	write(metaNum, fmt.Sprintf("<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n%s\nendstream", len(xmp), xmp))

	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", newSize)
	for num := 1; num < newSize; num++ {
		if off, ok := offsets[num]; ok {
			fmt.Fprintf(&out, "%010d 00000 n \n", off)
		} else {
			out.WriteString("0000000000 00001 f \n")
		}
	}
	fmt.Fprintf(&out, "trailer\n<</Size %d\n/Root %d 0 R\n/Info %d 0 R>>\nstartxref\n%d\n%%%%EOF\n", newSize, root.num, infoNum, xref)
	return out.Bytes(), nil
}

// fixTitle gives an outline item's title its heading's spaces back.
func fixTitle(s []byte, spaced map[string]string) []byte {
	if !bytes.Contains(s, []byte("/Parent")) {
		return s
	}
	at := bytes.Index(s, []byte("/Title"))
	if at < 0 {
		return s
	}
	p := &parser{data: s, pos: at + len("/Title")}
	p.skip()
	start := p.pos
	v, err := p.value()
	title, ok := v.(string)
	if err != nil || !ok {
		return s
	}
	if u := utf16Text(title); u != "" {
		title = u
	}
	h, ok := spaced[strings.Join(strings.Fields(title), "")]
	if !ok || h == title {
		return s
	}
	return slices.Concat(s[:start], []byte(textString(h)), s[p.pos:])
}

// utf16Text decodes a text string written in UTF-16BE with its byte order
// mark; it returns "" for any other string.
func utf16Text(s string) string {
	if len(s) < 2 || s[0] != 0xfe || s[1] != 0xff || len(s)%2 != 0 {
		return ""
	}
	u := make([]uint16, 0, len(s)/2-1)
	for i := 2; i < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

// isStream reports whether an object's bytes hold a stream.
func isStream(s []byte) bool {
	return bytes.Contains(s, []byte("\nstream\n")) || bytes.Contains(s, []byte(">>stream")) || bytes.Contains(s, []byte("\nstream\r\n"))
}

func infoDict(meta render.PrintMeta, creator, producer string, date time.Time) string {
	d := "D:" + date.Format("20060102150405") + "+00'00'"
	var b strings.Builder
	b.WriteString("<<")
	fmt.Fprintf(&b, "/Title %s\n", textString(meta.Title))
	if meta.Author != "" {
		fmt.Fprintf(&b, "/Author %s\n", textString(meta.Author))
	}
	if meta.Subject != "" {
		fmt.Fprintf(&b, "/Subject %s\n", textString(meta.Subject))
	}
	fmt.Fprintf(&b, "/Creator %s\n/Producer %s\n/CreationDate (%s)\n/ModDate (%s)>>", textString(creator), textString(producer), d, d)
	return b.String()
}

// textString writes a PDF text string: UTF-16BE with its byte order mark,
// in hex, as Chromium writes the title.
func textString(s string) string {
	var b strings.Builder
	b.WriteString("<feff")
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteString(hex.EncodeToString([]byte{byte(u >> 8), byte(u)}))
	}
	b.WriteString(">")
	return b.String()
}

// xmpPacket is the document's metadata as XMP, which PDF/UA asks for
// (dc:title above all); it names no conformance this program has not
// checked.
func xmpPacket(meta render.PrintMeta, creator, producer, lang string, date time.Time) string {
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	when := date.Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(meta.Title))
	if meta.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(meta.Author))
	}
	if meta.Subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(meta.Subject))
	}
	fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(lang))
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", when, when, when)
	fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n<pdf:Producer>%s</pdf:Producer>\n", esc(creator), esc(producer))
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.String()
}
