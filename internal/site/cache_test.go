package site

import (
	"io/fs"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"report/internal/diag"
)

const chapterText = "+++\ntitle = \"Kapitel\"\n+++\nTekst med {{medlemmer 2015}}.\n"

func cacheSite() fstest.MapFS {
	return fstest.MapFS{
		"data/site.toml":          {Data: []byte(`title = "T"`)},
		"data/fields.toml":        {Data: []byte("[[field]]\nid = \"f\"\nname = \"F\"\n")},
		"data/clusters.toml":      {Data: []byte("[[cluster]]\nid = \"c\"\nname = \"C\"\nfield = \"f\"\n")},
		"data/metrics.toml":       {Data: []byte("[[metric]]\nid = \"medlemmer\"\nlabel = \"Medlemmer\"\n")},
		"data/years/2015.toml":    {Data: []byte("medlemmer = 3\n")},
		"data/editions/2016.toml": {Data: []byte("year = 2016\ntitle = \"T\"\ndata_year = 2015\nclusters = [\"c\"]\n")},
		"i18n/da.toml":            {Data: []byte("language = \"Dansk\"\n")},
		"content/2016/_index.md":  {Data: []byte("+++\ntitle = \"Forord\"\n+++\nForord.\n")},
		"content/2016/a.md":       {Data: []byte(chapterText)},
		"content/2016/b.md":       {Data: []byte(chapterText)},
	}
}

func load(t *testing.T, fsys fstest.MapFS, cache *Cache) *Site {
	t.Helper()
	var problems diag.List
	s := Load(fsys, Options{Cache: cache}, &problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestCacheReparsesOnlyWhatChanged edits one chapter: only it is parsed
// again; a change to the data parses everything again.
func TestCacheReparsesOnlyWhatChanged(t *testing.T) {
	fsys, cache := cacheSite(), &Cache{}
	first := load(t, fsys, cache)
	fsys["content/2016/b.md"] = &fstest.MapFile{Data: []byte(chapterText + "Mere.\n")}
	second := load(t, fsys, cache)
	if first.Editions[0].Chapters[0].Body != second.Editions[0].Chapters[0].Body {
		t.Error("the unchanged chapter was parsed again")
	}
	if first.Editions[0].Chapters[1].Body == second.Editions[0].Chapters[1].Body {
		t.Error("the edited chapter was not parsed again")
	}
	fsys["data/years/2015.toml"] = &fstest.MapFile{Data: []byte("medlemmer = 4\n")}
	third := load(t, fsys, cache)
	if second.Editions[0].Chapters[0].Body == third.Editions[0].Chapters[0].Body {
		t.Error("a change to the data did not parse the chapters again")
	}
}

// TestABareCacheStampsAsItReads: a build whose cache holds nothing yet (a
// build afresh) takes no stat of its own in the scan; each file's stamp
// comes from its read, and the next build knows every unchanged file by
// it, reading none of them.
func TestABareCacheStampsAsItReads(t *testing.T) {
	fsys, cache := cacheSite(), &Cache{}
	for name, f := range fsys {
		f.ModTime = time.Unix(1_700_000_000, 0) // long before either build reads it
		fsys[name] = f
	}
	load(t, fsys, cache)
	pages := []string{"content/2016/_index.md", "content/2016/a.md", "content/2016/b.md"}
	for _, name := range pages {
		info, err := fs.Stat(fsys, name)
		if e := cache.entries[name]; err != nil || e.stamp != stampOf(info) {
			t.Errorf("%s is kept with the stamp %+v, not its own (%v)", name, e.stamp, err)
		}
	}
	reads := &openCounter{FS: fsys, opened: map[string]int{}}
	var problems diag.List
	Load(reads, Options{Cache: cache}, &problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	for _, name := range pages {
		if reads.opened[name] > 0 {
			t.Errorf("the second build read %s, which has not changed", name)
		}
	}
}

// openCounter counts the files opened through it.
type openCounter struct {
	fs.FS
	mu     sync.Mutex
	opened map[string]int
}

func (c *openCounter) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opened[name]++
	c.mu.Unlock()
	return c.FS.Open(name)
}

// TestCacheReportsProblemsAgain keeps a broken file broken on a rebuild
// that takes it from the cache.
func TestCacheReportsProblemsAgain(t *testing.T) {
	fsys, cache := cacheSite(), &Cache{}
	fsys["content/2016/a.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"A\"\n+++\n{{ukendt 2015}}\n")}
	for range 2 {
		var problems diag.List
		Load(fsys, Options{Cache: cache}, &problems)
		if !problems.HasErrors() {
			t.Fatal("the cached parse lost its error")
		}
	}
}

// TestLaterWaitsToBeFilled uses a Cache that Later is still filling: the
// first lookup waits for the fill and finds what it filled.
func TestLaterWaitsToBeFilled(t *testing.T) {
	release := make(chan struct{})
	filled := &Cache{}
	filled.put("content/2016/a.md", cacheEntry{key: [32]byte{1}})
	c := Later(func() *Cache { <-release; return filled })
	found := make(chan bool)
	go func() {
		_, ok := c.get("content/2016/a.md", [32]byte{1})
		found <- ok
	}()
	select {
	case <-found:
		t.Fatal("the lookup did not wait for the fill")
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	if !<-found {
		t.Error("the lookup did not find what the fill filled")
	}
	if !c.Changed() {
		t.Error("the filled entry, put since the cache was made, is not a change")
	}
}

// TestScannedCountsPages: Scanned hears the number of pages, translations
// aside, before any is parsed.
func TestScannedCountsPages(t *testing.T) {
	fsys := cacheSite()
	fsys["content/2016/a.en.md"] = &fstest.MapFile{Data: []byte(chapterText)}
	fsys["i18n/en.toml"] = &fstest.MapFile{Data: []byte("language = \"English\"\n")}
	pages := -1
	var problems diag.List
	Load(fsys, Options{Scanned: func(n int) { pages = n }}, &problems)
	if pages != 3 {
		t.Errorf("Scanned was given %d pages; want 3 (_index.md, a.md and b.md, not a.en.md)", pages)
	}
}
