package cms

import (
	"encoding/json"
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"

	"report/internal/data"
	"report/internal/lang"
	"report/internal/site"
	"report/internal/slugs"
	"report/internal/urls"
)

// Config is Sveltia CMS's configuration, as admin/config.json holds it.
// Its fields are the CMS's own names (https://sveltiacms.app/en/docs).
type Config struct {
	AppTitle    string       `json:"app_title"`
	Backend     Backend      `json:"backend"`
	PublishMode string       `json:"publish_mode"`
	MediaFolder string       `json:"media_folder"`
	I18n        I18n         `json:"i18n"`
	Slug        Slug         `json:"slug"`
	Collections []Collection `json:"collections"`
}

// Backend is where the CMS reads and commits: the site's GitHub
// repository. On localhost the CMS also offers the local repository.
type Backend struct {
	Name   string `json:"name"`
	Repo   string `json:"repo"`
	Branch string `json:"branch"`
}

// I18n puts each translation beside its Danish page, as the site reads
// them: hvem-er-de.md and hvem-er-de.en.md.
type I18n struct {
	Structure                     string   `json:"structure"`
	Locales                       []string `json:"locales"`
	DefaultLocale                 string   `json:"default_locale"`
	OmitDefaultLocaleFromFilePath bool     `json:"omit_default_locale_from_file_path"`
}

// Slug makes file names as `report new case` does (slugs.Make): ASCII,
// with the Danish letters written out (ø → oe), at most slugs.Max
// bytes.
type Slug struct {
	Encoding     string `json:"encoding"`
	CleanAccents bool   `json:"clean_accents"`
	MaxLength    int    `json:"maxlength"`
}

// Collection is a folder of entries (the case stories) or a list of
// files (chapters, years).
type Collection struct {
	Name           string   `json:"name"`
	Label          string   `json:"label"`
	LabelSingular  string   `json:"label_singular,omitempty"`
	Folder         string   `json:"folder,omitempty"`
	Create         bool     `json:"create,omitempty"`
	Format         string   `json:"format,omitempty"`
	Extension      string   `json:"extension,omitempty"`
	I18n           bool     `json:"i18n,omitempty"`
	Summary        string   `json:"summary,omitempty"`
	SortableFields []string `json:"sortable_fields,omitempty"`
	// PreviewPath is the address of an entry's page, under the CMS's own
	// origin: in make edit, the preview's page of it.
	PreviewPath string  `json:"preview_path,omitempty"`
	Fields      []Field `json:"fields,omitempty"`
	Files       []Entry `json:"files,omitempty"`
}

// Entry is one file of a file collection.
type Entry struct {
	Name        string  `json:"name"`
	Label       string  `json:"label"`
	File        string  `json:"file"`
	PreviewPath string  `json:"preview_path,omitempty"`
	Format      string  `json:"format"`
	I18n        bool    `json:"i18n,omitempty"`
	Fields      []Field `json:"fields"`
}

// Field is one field of a form. The CMS takes a field as required unless
// it says otherwise, so Required is always written.
type Field struct {
	Name     string `json:"name"`
	Label    string `json:"label"`
	Widget   string `json:"widget"`
	Hint     string `json:"hint,omitempty"`
	Required bool   `json:"required"`
	// I18n is true for a field each language writes in its own file, false
	// for one only the Danish file holds.
	I18n      bool     `json:"i18n"`
	Options   []Option `json:"options,omitempty"`
	Multiple  bool     `json:"multiple,omitempty"`
	ValueType string   `json:"value_type,omitempty"`
	Min       *float64 `json:"min,omitempty"`
	Step      float64  `json:"step,omitempty"`
	Modes     []string `json:"modes,omitempty"`
	Fields    []Field  `json:"fields,omitempty"`
}

// Option is one choice of a select field: what the editor sees and what
// the file gets.
type Option struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// Make returns the configuration for the site: its editions' case stories
// and chapters and its years' figures, labelled in l, Danish for the
// editors. It fails when the site's content model has a key it has no
// field for: the form would silently drop it.
func Make(s *site.Site, l *lang.Lang) (*Config, error) {
	c := &Config{
		AppTitle:    l.T("cms.app_title"),
		Backend:     Backend{Name: "github", Repo: s.Data.Site.Repository, Branch: s.Data.Site.Branch},
		PublishMode: "editorial_workflow",
		MediaFolder: path.Join(site.StaticDir, "images"),
		I18n:        I18n{Structure: "multiple_files", Locales: langCodes(s), DefaultLocale: lang.Danish.Code, OmitDefaultLocaleFromFilePath: true},
		Slug:        Slug{Encoding: "ascii", CleanAccents: true, MaxLength: slugs.Max},
	}
	if c.Backend.Branch == "" {
		c.Backend.Branch = "main"
	}
	for _, e := range s.Editions {
		cases, err := caseCollection(s, e, l)
		if err != nil {
			return nil, err
		}
		c.Collections = append(c.Collections, cases, chapterCollection(s, e, l))
	}
	c.Collections = append(c.Collections, yearCollection(s.Data, l), editionCollection(s.Data, l), studyCollection(l))
	return c, nil
}

// JSON is the configuration as admin/config.json, indented so that a
// person can read it.
func (c *Config) JSON() []byte {
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		panic(err) // only strings, numbers and slices: cannot fail
	}
	return append(b, '\n')
}

func langCodes(s *site.Site) []string {
	var codes []string
	for _, l := range s.Langs {
		codes = append(codes, l.Code)
	}
	if len(codes) == 0 {
		codes = []string{lang.Danish.Code}
	}
	return codes
}

// caseFields are the form of a case story, by front-matter key.
func caseFields(s *site.Site, e *site.Edition, l *lang.Lang) map[string]Field {
	var clusters []Option
	for _, id := range e.Clusters {
		if c := s.Data.Cluster(id); c != nil {
			clusters = append(clusters, Option{Label: c.Name, Value: id})
		}
	}
	var themes []Option
	for _, id := range site.ThemeIDs() {
		themes = append(themes, Option{Label: l.T("themes." + id), Value: id})
	}
	return map[string]Field{
		"title":              {Name: "title", Label: l.T("cms.title"), Widget: "string"},
		"cluster":            {Name: "cluster", Label: l.T("cms.cluster"), Hint: l.T("cms.cluster_hint"), Widget: "select", Options: clusters},
		"theme":              {Name: "theme", Label: l.T("cms.theme"), Widget: "select", Options: themes},
		"summary":            {Name: "summary", Label: l.T("cms.summary"), Hint: l.T("cms.summary_hint"), Widget: "text"},
		"quote.text":         {Name: "text", Label: l.T("cms.quote_text"), Hint: l.T("cms.quote_text_hint"), Widget: "text"},
		"quote.person":       {Name: "person", Label: l.T("cms.quote_person"), Widget: "string"},
		"quote.role":         {Name: "role", Label: l.T("cms.quote_role"), Widget: "string"},
		"quote.organisation": {Name: "organisation", Label: l.T("cms.quote_organisation"), Widget: "string"},
	}
}

// bodyField is a page's Markdown. Raw Markdown only: the rich-text editor
// would rewrite the figure references ({{dataår}}) and tables it does not
// know.
func bodyField(l *lang.Lang) Field {
	return Field{Name: "body", Label: l.T("cms.body"), Hint: l.T("cms.body_hint"), Widget: "markdown", Modes: []string{"raw"}, Required: true, I18n: true}
}

func caseCollection(s *site.Site, e *site.Edition, l *lang.Lang) (Collection, error) {
	byKey := caseFields(s, e, l)
	var fields []Field
	var quote *Field
	for _, key := range site.MatterKeys("case") {
		f, ok := byKey[strings.Join(key, ".")]
		if !ok {
			return Collection{}, fmt.Errorf("cms: the case stories' front matter has %q, which the CMS's form has no field for; add one in package cms", strings.Join(key, "."))
		}
		f.Required = required(site.CaseRequired, key)
		f.I18n = !site.WrittenOnce(key)
		if len(key) == 1 {
			fields = append(fields, f)
			continue
		}
		if key[0] != "quote" || len(key) != 2 {
			return Collection{}, fmt.Errorf("cms: the case stories' front matter has the table key %q, which the CMS's form has no field for; add one in package cms", strings.Join(key, "."))
		}
		if quote == nil {
			fields = append(fields, Field{Name: "quote", Label: l.T("cms.quote"), Widget: "object", Required: true, I18n: true})
			quote = &fields[len(fields)-1]
		}
		quote.Fields = append(quote.Fields, f)
	}
	fields = append(fields, bodyField(l))
	year := strconv.Itoa(e.Year)
	return Collection{
		Name:           "cases-" + year,
		Label:          l.Tf("cms.cases", e.Year),
		LabelSingular:  l.T("cms.case"),
		Folder:         path.Join(site.ContentDir, year, "cases"),
		Create:         true,
		Format:         "toml-frontmatter",
		Extension:      "md",
		I18n:           true,
		Summary:        "{{title}}",
		SortableFields: []string{"title", "cluster", "theme"},
		PreviewPath:    strings.TrimPrefix(s.BasePath, "/") + urls.Cases(e.Year) + "{{slug}}/",
		Fields:         fields,
	}, nil
}

func required(list [][]string, key []string) bool {
	for _, k := range list {
		if strings.Join(k, ".") == strings.Join(key, ".") {
			return true
		}
	}
	return false
}

// chapterCollection lists an edition's front page and chapters, each with
// the keys its file may hold; a copied chapter gets copied_from, which the
// editor clears to confirm it.
func chapterCollection(s *site.Site, e *site.Edition, l *lang.Lang) Collection {
	year := strconv.Itoa(e.Year)
	title := Field{Name: "title", Label: l.T("cms.title"), Widget: "string", Required: true, I18n: true}
	var files []Entry
	if e.Front != nil {
		files = append(files, chapterFile(s, e.Front, []Field{title, bodyField(l)}))
	}
	for _, p := range e.Chapters {
		fields := []Field{
			title,
			{Name: "weight", Label: l.T("cms.weight"), Hint: l.T("cms.weight_hint"), Widget: "number", ValueType: "int", Required: required(site.ChapterRequired, []string{"weight"})},
			{Name: "summary", Label: l.T("cms.summary"), Widget: "text", Required: required(site.ChapterRequired, []string{"summary"}), I18n: true},
		}
		if p.Draft != nil {
			fields = append(fields, Field{Name: "copied_from", Label: l.T("cms.copied_from"), Hint: l.Tf("cms.copied_from_hint", p.Draft.From), Widget: "number", ValueType: "int"})
		}
		files = append(files, chapterFile(s, p, append(fields, bodyField(l))))
	}
	return Collection{Name: "chapters-" + year, Label: l.Tf("cms.chapters", e.Year), I18n: true, Files: files}
}

func chapterFile(s *site.Site, p *site.Page, fields []Field) Entry {
	// The CMS finds a file's translations by the {{locale}} in its path,
	// left out for Danish (omit_default_locale_from_file_path).
	file := strings.TrimSuffix(p.Source, ".md") + ".{{locale}}.md"
	return Entry{Name: EntryName(p), Label: p.Title, File: file, PreviewPath: strings.TrimPrefix(s.BasePath, "/") + p.URL, Format: "toml-frontmatter", I18n: true, Fields: fields}
}

// EntryName is the name of a chapter's entry in its edition's collection,
// which the CMS's address of its form ends with: the chapter's slug, or
// "forside" for the edition's front page. ("index" would not do: the CMS
// takes it for the collection's own index and opens an empty form.)
func EntryName(p *site.Page) string {
	if path.Base(p.Source) == "_index.md" {
		return "forside"
	}
	return p.Slug
}

// yearCollection is a form per year of figures: a field per metric the
// year's file holds, in the order of data/metrics.toml. A count takes only
// whole numbers; an amount or a share takes as many decimals as the metric
// shows.
func yearCollection(d *data.Data, l *lang.Lang) Collection {
	var fields []Field
	zero := 0.0
	for _, m := range d.Metrics {
		if m.Derived() || m.Study != nil {
			continue
		}
		// The title, not the label: a label leans on its table ("Staten"
		// under a total), and the form has no table.
		f := Field{Name: m.ID, Label: d.Title(m.ID), Widget: "number", Min: &zero}
		kind := l.Tf("cms.kind_amount", m.Decimals)
		switch m.Kind {
		case data.Count:
			f.ValueType, f.Step = "int", 1
			kind = l.T("cms.kind_count")
		case data.Share:
			f.ValueType, f.Step = "float", math.Pow10(-m.Decimals)
			kind = l.Tf("cms.kind_share", m.Decimals)
		default:
			f.ValueType, f.Step = "float", math.Pow10(-m.Decimals)
		}
		f.Hint = kind
		if m.Unit != "" {
			f.Hint = l.Tf("cms.unit", m.Unit) + " · " + kind
		}
		fields = append(fields, f)
	}
	var files []Entry
	for _, y := range d.Years() {
		files = append(files, Entry{
			Name:   strconv.Itoa(y),
			Label:  l.Tf("cms.year", y),
			File:   path.Join(data.Dir, "years", strconv.Itoa(y)+".toml"),
			Format: "toml",
			Fields: fields,
		})
	}
	return Collection{Name: "years", Label: l.T("cms.years"), Files: files}
}

// editionCollection is a form per edition's file (data/editions/): its
// titles, its years, its clusters and gold labels chosen by name from
// data/clusters.toml, and its key figures, each bound to a metric chosen
// by its title. The publication date, copied_from and unconfirmed are
// not in it: a person confirms them in the file, and the CMS keeps them.
func editionCollection(d *data.Data, l *lang.Lang) Collection {
	var clusters, metrics []Option
	for _, c := range d.Clusters {
		clusters = append(clusters, Option{Label: c.Name, Value: c.ID})
	}
	for _, m := range d.Metrics {
		metrics = append(metrics, Option{Label: d.Title(m.ID), Value: m.ID})
	}
	year := func(name, label string) Field {
		return Field{Name: name, Label: l.T(label), Widget: "number", ValueType: "int", Step: 1, Required: true}
	}
	text := func(name, label, widget string, required bool) Field {
		return Field{Name: name, Label: l.T(label), Widget: widget, Required: required}
	}
	fields := []Field{
		year("year", "cms.edition_year"),
		text("title", "cms.title", "string", true),
		text("subtitle", "cms.subtitle", "string", true),
		text("description", "cms.description", "text", true),
		year("data_year", "cms.data_year"),
		year("first_year", "cms.first_year"),
		{Name: "clusters", Label: l.T("cms.clusters"), Hint: l.T("cms.clusters_hint"), Widget: "select", Multiple: true, Options: clusters, Required: true},
		{Name: "ecei_gold", Label: l.T("cms.ecei_gold"), Widget: "select", Multiple: true, Options: clusters},
		{Name: "en", Label: l.T("cms.english"), Widget: "object", Fields: []Field{
			text("title", "cms.title", "string", false),
			text("subtitle", "cms.subtitle", "string", false),
			text("description", "cms.description", "text", false),
		}},
		{Name: "key_figure", Label: l.T("cms.key_figures"), Hint: l.T("cms.key_figures_hint"), Widget: "list", Fields: []Field{
			{Name: "metric", Label: l.T("cms.metric"), Widget: "select", Options: metrics, Required: true},
			{Name: "year", Label: l.T("cms.figure_year"), Widget: "number", ValueType: "int", Step: 1},
			{Name: "round", Label: l.T("cms.round"), Widget: "number", ValueType: "int", Step: 1},
			text("prefix", "cms.prefix", "string", false),
			text("figure", "cms.figure", "string", false),
			text("text", "cms.figure_text", "text", true),
			{Name: "en", Label: l.T("cms.english"), Widget: "object", Fields: []Field{
				text("prefix", "cms.prefix", "string", false),
				text("text", "cms.figure_text", "text", false),
			}},
		}},
	}
	var files []Entry
	for _, e := range d.Editions {
		y := strconv.Itoa(e.Year)
		files = append(files, Entry{Name: y, Label: l.Tf("cms.edition", e.Year), File: e.Path, Format: "toml", Fields: fields})
	}
	return Collection{Name: "editions", Label: l.T("cms.editions"), Files: files}
}

// studyCollection is the form of data/studies.toml: the studies the report
// cites, each with its source and year, and its figures, each with its
// label, unit and value, in Danish and English.
func studyCollection(l *lang.Lang) Collection {
	text := func(name, label, widget string, required bool) Field {
		return Field{Name: name, Label: l.T(label), Widget: widget, Required: required}
	}
	figure := []Field{
		text("id", "cms.figure_id", "string", true),
		text("label", "cms.label", "text", true),
		text("unit", "cms.unit_label", "string", false),
		{Name: "decimals", Label: l.T("cms.decimals"), Widget: "number", ValueType: "int", Step: 1},
		{Name: "value", Label: l.T("cms.value"), Widget: "number", ValueType: "float", Required: true},
		text("shown", "cms.shown", "string", false),
		{Name: "en", Label: l.T("cms.english"), Widget: "object", Fields: []Field{
			text("label", "cms.label", "text", false),
			text("unit", "cms.unit_label", "string", false),
		}},
	}
	study := []Field{
		text("id", "cms.study_id", "string", true),
		text("source", "cms.source", "text", true),
		{Name: "year", Label: l.T("cms.study_year"), Widget: "number", ValueType: "int", Step: 1, Required: true},
		{Name: "en", Label: l.T("cms.english"), Widget: "object", Fields: []Field{text("source", "cms.source", "text", false)}},
		{Name: "figure", Label: l.T("cms.study_figures"), Widget: "list", Fields: figure},
	}
	return Collection{Name: "studies", Label: l.T("cms.studies"), Files: []Entry{{
		Name: "studies", Label: l.T("cms.studies"), File: path.Join(data.Dir, "studies.toml"), Format: "toml",
		Fields: []Field{{Name: "study", Label: l.T("cms.studies"), Hint: l.T("cms.studies_hint"), Widget: "list", Fields: study}},
	}}}
}
