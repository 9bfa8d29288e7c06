package site

import (
	"context"
	"errors"
	"io/fs"
	"strconv"
	"strings"

	"report/internal/diag"
	"report/internal/parallel"
	"report/internal/slugs"
)

// Finding the Markdown under content/ and telling what each file is.

// file is a Markdown file found under content/, with what it is meant to be.
type file struct {
	path  string
	year  int
	kind  pageKind
	slug  string
	stamp stamp // size and time, for the preview's cache
	// from is, for a translation, the Danish page it translates, which
	// holds what does not change with language.
	from string
}

type pageKind int

const (
	kindFront pageKind = iota
	kindChapter
	kindCase
)

// scan walks content/ and classifies every file by where it sits.
func (s *Site) scan(fsys fs.FS, stamps bool, problems *diag.List) []file {
	var files []file
	var entries []fs.DirEntry // each file's, for its stamp
	err := fs.WalkDir(fsys, ContentDir, func(p string, e fs.DirEntry, err error) error {
		if p == ContentDir && errors.Is(err, fs.ErrNotExist) {
			return err // reported below, once
		}
		if err != nil {
			problems.Errorf(p, 0, 0, "cannot read: %v", err)
			return nil
		}
		if p != ContentDir && skipped(e.Name()) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.Type()&fs.ModeSymlink != 0 {
			problems.Errorf(p, 0, 0, "symbolic links are not followed; copy the file into content/ instead")
			return nil
		}
		if e.IsDir() {
			if p != ContentDir && !checkContentDir(p, problems) {
				return fs.SkipDir
			}
			return nil
		}
		if !e.Type().IsRegular() {
			return nil
		}
		if translationLang(p) != nil {
			s.translations = append(s.translations, p)
			return nil
		}
		if !strings.HasSuffix(p, ".md") {
			if checkAsset(p, e, problems) && pictureFits(fsys, p, problems) {
				s.Assets = append(s.Assets, Asset{Source: p, URL: strings.TrimPrefix(p, ContentDir+"/")})
			}
			return nil
		}
		if f, ok := classify(p, problems); ok {
			files = append(files, f)
			entries = append(entries, e)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		problems.Errorf(ContentDir, 0, 0, "folder is missing; the site's Markdown lives in content/<year>/")
	}
	if stamps {
		// A stat per file, for the cache only, on every core: one after
		// another they were most of the scan of 10,000 stories.
		_ = parallel.Each(context.Background(), parallel.Disk, len(files), func(_ context.Context, i int) error {
			if info, err := entries[i].Info(); err == nil {
				files[i].stamp = stampOf(info)
			}
			return nil
		})
	}
	return files
}

// classify decides what a Markdown file is from its path:
// content/2016/_index.md, content/2016/<chapter>.md, content/2016/cases/<case>.md.
func classify(p string, problems *diag.List) (file, bool) {
	parts := strings.Split(strings.TrimPrefix(p, ContentDir+"/"), "/")
	year, err := strconv.Atoi(parts[0])
	if len(parts) < 2 || err != nil || len(parts[0]) != 4 {
		problems.Errorf(p, 0, 0, "Markdown belongs in an edition's folder, like content/2016/")
		return file{}, false
	}
	name := strings.TrimSuffix(parts[len(parts)-1], ".md")
	f := file{path: p, year: year, slug: name}
	switch {
	case len(parts) == 2 && name == "_index":
		f.kind = kindFront
	case len(parts) == 2:
		f.kind = kindChapter
	case len(parts) == 3 && parts[1] == "cases":
		f.kind = kindCase
	default:
		problems.Errorf(p, 0, 0, "Markdown belongs in content/%d/ (chapters) or content/%d/cases/ (case stories)", year, year)
		return file{}, false
	}
	if f.kind != kindFront && !slugs.Valid(name) {
		problems.Errorf(p, 0, 0, "file name %q becomes the page's URL and must be lower-case letters, digits and hyphens; rename it %s.md", name, slugs.Make(name))
		return file{}, false
	}
	if f.kind == kindChapter && reservedSlugs[name] {
		problems.Errorf(p, 0, 0, "a chapter may not be called %q: /%d/%s/ is taken by the site; rename the file", name, year, name)
		return file{}, false
	}
	return f, true
}
