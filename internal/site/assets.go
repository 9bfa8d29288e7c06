package site

import (
	"fmt"
	"image"
	_ "image/gif" // pictureFits reads the headers of these types
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"path"
	"slices"
	"strings"

	_ "golang.org/x/image/webp"

	"report/internal/diag"
	"report/internal/slugs"
)

// MaxAssetSize bounds a file copied to the output as it is (a picture, a
// PDF, a spreadsheet, a font). The report's own are tens of kilobytes; a
// bigger file is a video or an archive saved in the wrong folder, belongs on
// a file host, and would weigh on every reader's download and on the
// preview, which keeps the files it serves in memory.
const MaxAssetSize = 50 << 20

// Files beside the Markdown in content/ are published as they are, at an
// address of the site, where none of the pages' protections apply: no
// layout, no Content-Security-Policy (a page carries its own), and a static
// host serves each with the type its extension names. So content/ may hold
// only the kinds of file a reader downloads or a page shows as a picture,
// none of which a browser runs; anything else is refused with what to do.

// pictureTypes and documentTypes are the extensions content/ may hold
// besides .md: pictures a page shows, and files a reader downloads.
var (
	pictureTypes  = []string{".png", ".jpg", ".jpeg", ".gif", ".webp"}
	documentTypes = []string{".pdf", ".csv", ".txt", ".xlsx", ".docx", ".pptx"}
)

// refusedTypes say why some types that editors might reach for are not
// published, and what to do instead.
var refusedTypes = map[string]string{
	".html":  htmlRefused,
	".htm":   htmlRefused,
	".xhtml": htmlRefused,
	".js":    "a script is not published from content/: it would run on the site's address, and the site works without script; remove the file",
	".mjs":   "a script is not published from content/: it would run on the site's address, and the site works without script; remove the file",
	".svg":   "an SVG picture can carry script, which would run on the site's address; save the picture as .png, or draw the figure from the data with a ```chart block",
	".svgz":  "an SVG picture can carry script, which would run on the site's address; save the picture as .png, or draw the figure from the data with a ```chart block",
	".css":   "stylesheets are the design's and live in static/css/; ask a designer to add the rule there",
}

const htmlRefused = "an HTML file would be published as a page of its own, without the site's layout and its Content-Security-Policy; " +
	"write the page in Markdown (.md), or publish the file elsewhere and link to it"

// skipped reports whether scanning passes a file by unpublished: hidden
// files, and the backups and autosaves editors leave beside the file they
// edit ("tal.md~", "#tal.md#"), which the preview's watcher ignores too.
func skipped(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		(len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"))
}

// checkContentDir reports a folder under content/ whose name cannot be part
// of an address; the scan then leaves the folder out, so that its files do
// not each repeat the problem.
func checkContentDir(p string, problems *diag.List) bool {
	name := path.Base(p)
	if slugs.Valid(name) {
		return true
	}
	problems.Errorf(p, 0, 0, "folder name %q becomes part of the address of every file in it and must be lower-case letters, digits and hyphens; %s",
		name, renameTo(name, ""))
	return false
}

// checkAsset decides whether a file under content/ that is not Markdown
// may be published, and reports why not.
func checkAsset(p string, e fs.DirEntry, problems *diag.List) bool {
	name := path.Base(p)
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	lower := strings.ToLower(ext)
	switch {
	case lower == ".md" || lower == ".markdown" || lower == ".mdown":
		fix := stem
		if stem != "_index" && !slugs.Valid(stem) {
			fix = slugs.Make(stem)
		}
		problems.Errorf(p, 0, 0, "a Markdown file becomes a page only when its name ends in .md, in lower case; rename it %s.md", fix)
		return false
	case refusedTypes[lower] != "":
		problems.Errorf(p, 0, 0, "%s", refusedTypes[lower])
		return false
	case ext == "" || !slices.Contains(pictureTypes, lower) && !slices.Contains(documentTypes, lower):
		what := "files of type " + ext
		if ext == "" {
			what = "files without an extension"
		}
		problems.Errorf(p, 0, 0, "%s are not published from content/, which holds Markdown (.md), pictures (%s) and documents (%s); "+
			"publish the file elsewhere and link to it, or remove it", what, strings.Join(pictureTypes, ", "), strings.Join(documentTypes, ", "))
		return false
	case !slugs.Valid(stem) || ext != lower:
		problems.Errorf(p, 0, 0, "file name %q becomes the file's address and must be lower-case letters, digits and hyphens, with one extension in lower case; %s",
			name, renameTo(stem, lower))
		return false
	}
	return sizeFits(p, e, problems)
}

// sizeFits refuses a file over MaxAssetSize, with the others' problems
// rather than when it is copied.
func sizeFits(p string, e fs.DirEntry, problems *diag.List) bool {
	info, err := e.Info()
	if err != nil {
		problems.Errorf(p, 0, 0, "cannot read: %v", err)
		return false
	}
	if info.Size() > MaxAssetSize {
		problems.Errorf(p, 0, 0, "%s", TooBig(info.Size()))
		return false
	}
	return true
}

// TooBig says that a file of size bytes is over MaxAssetSize, and what to
// do.
func TooBig(size int64) string {
	return fmt.Sprintf("file is %d MB; files published as they are may be at most %d MB; "+
		"make it smaller (a PDF saved for screens, a picture scaled down), or publish it elsewhere and link to it", size>>20, MaxAssetSize>>20)
}

// renameTo suggests a name made of stem as a slug, and ext.
func renameTo(stem, ext string) string {
	if slug := slugs.Make(stem); slug != "" {
		return fmt.Sprintf("rename it %s%s", slug, ext)
	}
	return "rename it with letters and digits"
}

// checkStatic decides whether a file of static/ may be published. The
// designers' files keep their names (RobotoMedium-Latin.ttf), but a name
// becomes an address, so it may hold only letters, digits, '.', '-' and
// '_'; and the file must fit MaxAssetSize, checked here with the other
// problems rather than when it is copied.
func checkStatic(p string, e fs.DirEntry, problems *diag.List) bool {
	for _, c := range strings.TrimPrefix(p, StaticDir+"/") {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("./-_", c)) {
			problems.Errorf(p, 0, 0, "the file's path becomes its address and may hold only letters, digits, '.', '-' and '_'; rename it")
			return false
		}
	}
	return sizeFits(p, e, problems)
}

// A picture is decoded whole by every reader's browser and by Chromium
// printing the PDF: a file of 140 kB can hold 12000×12000 pixels, over half
// a gigabyte decoded. Its size in pixels is read from its header, and
// bounded.
const (
	maxPictureSide   = 8000
	maxPicturePixels = 25_000_000
)

// pictureFits refuses a picture too big in pixels, at check time rather
// than in a reader's browser.
func pictureFits(fsys fs.FS, p string, problems *diag.List) bool {
	if !slices.Contains(pictureTypes, strings.ToLower(path.Ext(p))) {
		return true
	}
	f, err := fsys.Open(p)
	if err != nil {
		problems.Errorf(p, 0, 0, "cannot read: %v", err)
		return false
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	switch {
	case err != nil:
		// Not a picture the decoders know: browsers show nothing, and
		// decode nothing either.
		return true
	case cfg.Width > maxPictureSide || cfg.Height > maxPictureSide || cfg.Width*cfg.Height > maxPicturePixels:
		problems.Errorf(p, 0, 0, "is %d×%d pixels; a picture may be at most %d pixels on a side and %d megapixels, which every reader's browser decodes whole: scale it down",
			cfg.Width, cfg.Height, maxPictureSide, maxPicturePixels/1_000_000)
		return false
	}
	return true
}
