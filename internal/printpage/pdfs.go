package printpage

// The editions' PDFs, printed by report-pdf and published by the build:
// each is published only when its digest shows it was made from the
// content, templates and styles being built, so that a PDF out of step
// with the site never goes out beside it.

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"report/internal/diag"
	"report/internal/lang"
	"report/internal/render"
	"report/internal/site"
	"report/internal/urls"
)

// FileSize writes a file's size as readers of the language read it, its
// unit from the table (pdf.megabytes, pdf.kilobytes, pdf.bytes): "2,1 MB",
// "2.1 MB", "850 kB" (powers of 1000, as file managers show them).
func FileSize(l *lang.Lang, n int64) string {
	switch {
	case n >= 1_000_000:
		return l.Tf("pdf.megabytes", l.Number(float64(n)/1e6, 1))
	case n >= 1000:
		return l.Tf("pdf.kilobytes", l.Number(float64(n)/1e3, 0))
	}
	return l.Tf("pdf.bytes", l.Number(float64(n), 0))
}

// linkPDF links the edition's front page in the print's language to its
// PDF, of size bytes.
func linkPDF(p *render.Plan, pr Print, size int64) {
	front, r, ok := p.Page(pr.prefix + urls.Edition(pr.Year) + "index.html")
	if !ok {
		return
	}
	front.PDF = &render.PDFLink{URL: pr.PDFPath(), Size: FileSize(r.Lang(), size)}
}

// Digest is a digest of everything an edition's PDF is made from: the
// print page and its stylesheet, rendered without page numbers, and the
// files of the site they load (loaded: their paths in the site, as
// report-pdf saw the browser ask for them). report-pdf records it beside the PDF, and a build that
// publishes the PDF compares it with the site it builds, so that a PDF made
// before the content changed is not published as the edition's.
func Digest(p *render.Plan, pr Print, loaded []string) (string, error) {
	page, err := Page(p, pr, nil)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, f := range page {
		fmt.Fprintf(h, "%s %d\n", f.Path, len(f.Data))
		h.Write(f.Data)
	}
	for _, l := range loaded {
		rel := strings.TrimPrefix(path.Clean("/"+l), "/")
		if slices.ContainsFunc(page, func(f render.File) bool { return f.Path == rel }) {
			continue
		}
		data, ok, err := p.File(rel)
		if err != nil {
			return "", err
		}
		if !ok {
			fmt.Fprintf(h, "%s gone\n", rel) // a file renamed since: another digest
			continue
		}
		fmt.Fprintf(h, "%s %d\n", rel, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// AddPDFs publishes every print's PDF from dir, the folder report-pdf
// wrote them to, and links each edition's front page, in each language, to
// its PDF in that language, with its size. It fails, naming what to do,
// when a print has no PDF there, or one made from other content than the
// site's now.
func AddPDFs(p *render.Plan, dir fs.FS, where string) error {
	problems := &diag.List{}
	for _, pr := range Prints(p) {
		pdf, digest := pr.PDFPath(), pr.DigestPath()
		shown := path.Join(where, pdf)
		info, err := fs.Stat(dir, pdf)
		if err != nil {
			problems.Errorf(shown, 0, 0, "no PDF of %s: make it with report-pdf first, as `make publish` does", pr)
			continue
		}
		if info.Size() > site.MaxAssetSize {
			problems.Errorf(shown, 0, 0, "%s", site.TooBig(info.Size()))
			continue
		}
		record, err := fs.ReadFile(dir, digest)
		if err != nil {
			problems.Errorf(path.Join(where, digest), 0, 0, "cannot read what the PDF was made from: %v; make the PDF again with report-pdf", err)
			continue
		}
		lines := strings.Split(strings.TrimSpace(string(record)), "\n")
		now, err := Digest(p, pr, lines[1:])
		if err != nil {
			problems.Errorf(shown, 0, 0, "%v", err)
			continue
		}
		if now != lines[0] {
			problems.Errorf(shown, 0, 0, "the PDF of %s was made from other content, templates or styles than this build's; make it again with report-pdf (`make publish` does both)", pr)
			continue
		}
		data, err := fs.ReadFile(dir, pdf)
		if err != nil {
			problems.Errorf(shown, 0, 0, "cannot read the PDF: %v", err)
			continue
		}
		if err := p.Publish(pdf, data); err != nil {
			problems.Errorf(shown, 0, 0, "%v; rename that file, the edition's PDF is published there", err)
			continue
		}
		linkPDF(p, pr, int64(len(data)))
	}
	return problems.Err()
}
