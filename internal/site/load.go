package site

import (
	"io/fs"
	"strconv"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/figures"
	"report/internal/lang"
	"report/internal/markdown"
	"report/internal/timing"
	"report/internal/urls"
)

// ContentDir is the folder of Markdown under the site root.
const ContentDir = "content"

// Options configure Load.
type Options struct {
	BaseURL string           // overrides data/site.toml's base_url when set
	Timing  *timing.Recorder // where the time goes, for --metrics; may be nil
	Cache   *Cache           // parsed files kept between builds; may be nil
	// AllowDrafts lets copied chapters and editions that no editor has
	// confirmed build, as the preview does: what they still say of the old
	// edition is shown on their pages. A published build refuses them.
	AllowDrafts bool
	// Publishing is the build readers get (make publish: report-pdf and
	// report build --pdf): it refuses a site that names no publisher and
	// an edition without its publication date, which the PDF's cover and
	// metadata, the feed and the sitemap state.
	Publishing bool
	// DataLoaded, when set, is called with the data in the first language
	// and the site's languages as soon as data/ is loaded, before content/
	// is read: for what the build can make from the data alone beside the
	// loading (see render.SharePrefetch).
	DataLoaded func(d *data.Data, langs []*lang.Lang)
	// Scanned, when set, is called with the number of pages content/
	// holds (translations aside) once it is scanned, before any is read:
	// for what a build decides by the site's size (see package pipeline).
	Scanned func(pages int)
}

// Load reads content/ and data/ from fsys and returns the checked model. The
// returned Site is nil only when data/ could not be read at all; problems
// holds everything found, errors and warnings, in any case.
func Load(fsys fs.FS, opts Options, problems *diag.List) *Site {
	start := opts.Timing.Now()
	// The interface strings load beside data/: neither reads the other,
	// and each is one core's work (the 2016 edition's 9 ms and 5 ms).
	langs := make(chan []*lang.Lang, 1)
	go func() { langs <- lang.Load(fsys, problems) }()
	d := data.Load(fsys, problems)
	s := &Site{Data: d, Langs: <-langs, allowDrafts: opts.AllowDrafts}
	opts.Timing.Stage("load data/ and i18n/", start)
	if len(s.Langs) > 0 {
		s.Data = d.In(s.Langs[0], problems) // Danish, with its interface strings
		d = s.Data
	}
	if opts.DataLoaded != nil {
		opts.DataLoaded(d, s.Langs)
	}
	s.resolveBase(opts.BaseURL, problems)
	if opts.Publishing {
		checkPublishable(d, problems)
	}
	s.AssetBase = s.BasePath
	figs := figures.New(figures.Options{Data: d, BasePath: s.BasePath, MetricURL: urls.Metric, Timing: opts.Timing})
	conv := markdown.New(markdown.Options{Figures: figs, BasePath: s.BasePath, Themes: ThemeIDs(), OldEdition: s.oldEdition})
	start = opts.Timing.Now()
	// A cache with nothing to look up (a build afresh) needs no stamp to
	// find a file by: each is described as it is read (see parseCached).
	files := s.scan(fsys, opts.Cache != nil && !opts.Cache.bare(), problems)
	s.scanStatic(fsys, problems)
	if opts.Scanned != nil {
		opts.Scanned(len(files))
	}
	opts.Timing.Stage("scan content/ and static/", start)
	// The English forms of the data with every edition, for the open
	// data's English columns; the English version, if any, reports what
	// they lack. The open data are written while the pages load: they
	// read the data alone.
	english := d.In(lang.English, &diag.List{})
	openData := make(chan *figures.OpenData, 1)
	go func() {
		first := lang.Danish
		if len(s.Langs) > 0 {
			first = s.Langs[0]
		}
		openData <- s.openData(d, english, first, s.BasePath, func(int) bool { return true })
	}()
	// The versions in the other languages load beside the Danish pages:
	// each reads only what the scan found and the Danish data, and keeps a
	// core idle between its parallel steps, as the Danish does. Loaded
	// after the Danish, the 2016 edition's English version took 12–20 ms
	// at 1.0–1.4 cores; beside it, the whole build takes 4–7 % less time
	// (see docs/speed.md). Their problems join the Danish ones once
	// those are all known (see joinTranslated).
	type version struct {
		site *Site
		own  *diag.List
	}
	others := s.Langs[min(1, len(s.Langs)):]
	versions := make([]chan version, len(others))
	for i, l := range others {
		versions[i] = make(chan version, 1)
		go func() {
			start := opts.Timing.Now()
			t, own := s.translate(fsys, l, files, opts, problems)
			opts.Timing.Stage("load the "+l.Name+" version, beside the Danish", start)
			versions[i] <- version{t, own}
		}()
	}
	start = opts.Timing.Now()
	pages := parseAll(fsys, conv, files, problems, parseEnv{Options: opts, dataPrint: parsePrint(d, s.Langs, opts), basePath: s.BasePath, unread: s.editionUnread})
	if opts.Cache != nil {
		s.Prints = prints(files, pages)
	}
	opts.Timing.Stage("parse and render Markdown, charts", start)
	start = opts.Timing.Now()
	s.assemble(files, pages, problems)
	s.drawHistories(problems)
	opts.Timing.Stage("draw the metrics' histories", start)
	start = opts.Timing.Now()
	s.checkLinks(problems)
	opts.Timing.Stage("check links", start)
	if len(s.Langs) > 0 {
		s.Lang = s.Langs[0]
	}
	s.unusedTranslations(problems)
	for i, l := range others {
		start = opts.Timing.Now()
		v := <-versions[i]
		joinTranslated(problems, v.own, v.site, l)
		if v.site != nil {
			s.Translations = append(s.Translations, v.site)
		}
		opts.Timing.Stage("wait for the "+l.Name+" version", start)
	}
	start = opts.Timing.Now()
	s.OpenData = <-openData
	opts.Timing.Stage("wait for the open data", start)
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }
