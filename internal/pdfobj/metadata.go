package pdfobj

// PDF/UA asks for the document's title in its XMP metadata, and older
// readers look in the document information dictionary: both say the
// edition's title, author, subject and date, and say the same.

import (
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"strings"
	"unicode/utf16"
)

// Meta is what a finished PDF says of its document, in its document
// information and its XMP metadata alike.
type Meta struct {
	Title, Author, Subject string
	Lang                   string // the document's language, as XMP's dc:language says it
	// PDFDate and XMPDate are the day the document came out, or its year
	// when no more is known, as a PDF date ("D:20160601", "D:2016") and
	// as XMP's dates write it ("2016-06-01", "2016"); both are empty for a
	// document with no date.
	PDFDate, XMPDate string
}

// infoDict is the document information dictionary, with both of its dates
// the edition's date, with no more than its file knows ("D:2016"), or none.
func infoDict(meta Meta, creator, producer string) string {
	var b strings.Builder
	b.WriteString("<<")
	fmt.Fprintf(&b, "/Title %s\n", textString(meta.Title))
	if meta.Author != "" {
		fmt.Fprintf(&b, "/Author %s\n", textString(meta.Author))
	}
	if meta.Subject != "" {
		fmt.Fprintf(&b, "/Subject %s\n", textString(meta.Subject))
	}
	fmt.Fprintf(&b, "/Creator %s\n/Producer %s", textString(creator), textString(producer))
	if d := meta.PDFDate; d != "" {
		fmt.Fprintf(&b, "\n/CreationDate (%s)\n/ModDate (%s)", d, d)
	}
	b.WriteString(">>")
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
func xmpPacket(meta Meta, creator, producer string) string {
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
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
	fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(meta.Lang))
	if when := meta.XMPDate; when != "" {
		fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", when, when, when)
	}
	fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n<pdf:Producer>%s</pdf:Producer>\n", esc(creator), esc(producer))
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.String()
}
