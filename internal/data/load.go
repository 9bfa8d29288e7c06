package data

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"report/internal/diag"
	"report/internal/slugs"
	"report/internal/tomlfile"
)

// Folder names under the site root.
const (
	Dir         = "data"
	yearsDir    = "data/years"
	editionsDir = "data/editions"
)

// Load reads and checks every file under data/. It always returns a Data,
// as complete as the files allow, so that the content can still be checked
// against it; every problem found goes to problems.
func Load(fsys fs.FS, problems *diag.List) *Data {
	d := &Data{
		hash:     sha256.New(),
		fields:   map[string]*Field{},
		clusters: map[string]*Cluster{},
		metrics:  map[string]*Metric{},
		values:   map[int]map[string]float64{},
		yearDocs: map[int]*tomlfile.Doc{},
		wholes:   map[int]map[string]bool{},
		notes:    map[int]map[string]Note{},

		studyValues: map[string]float64{},

		broken:         map[string]bool{},
		brokenYears:    map[int]bool{},
		brokenEditions: map[int]bool{},
		brokenValues:   map[int]map[string]bool{},
	}
	d.loadSite(fsys, problems)
	d.loadDefinitions(fsys, problems)
	d.loadFields(fsys, problems)
	d.loadClusters(fsys, problems)
	d.loadMetrics(fsys, problems)
	d.loadStudies(fsys, problems)
	d.loadYears(fsys, problems)
	d.loadEditions(fsys, problems)
	d.checkArithmetic(problems)
	d.hash.Sum(d.fingerprint[:0])
	return d
}

func (d *Data) loadSite(fsys fs.FS, problems *diag.List) {
	name := "data/site.toml"
	src, ok := d.readData(fsys, name, true, problems)
	if !ok {
		return
	}
	doc, ok := tomlfile.Decode(name, 1, src, &d.Site, problems)
	if ok && strings.TrimSpace(d.Site.Title) == "" {
		line, col := doc.Pos("title")
		problems.Errorf(name, max(line, 1), col, `"title" is required: the site's name, shown on every page`)
	}
	if u := d.Site.AccessibilityStatement; ok && u != "" && !isWebAddress(u) {
		line, col := doc.Pos("accessibility_statement")
		problems.Errorf(name, max(line, 1), col, `"accessibility_statement" must be a full https:// address, like https://www.was.digst.dk/example-dk, not %q`, u)
	}
	if u := d.Site.PublisherURL; ok && u != "" && !isWebAddress(u) {
		line, col := doc.Pos("publisher_url")
		problems.Errorf(name, max(line, 1), col, `"publisher_url" must be a full https:// address, like https://ufm.dk/, not %q`, u)
	}
	if ok {
		d.Site.Unconfirmed.warn(doc, problems)
		d.checkLicence(name, doc, problems)
	}
}

// licenceID is the grammar of an Open Definition licence identifier, as
// the Data Package standard takes it ("CC-BY-4.0", "ODC-BY-1.0").
var licenceID = regexp.MustCompile(`^[-a-zA-Z0-9._]{1,80}$`)

// checkLicence checks the open data's licence: an identifier and, if
// given, the https address of its text. The placeholder, data_licence = ""
// (as the shipped site has it until the publisher decides), is a warning,
// not an error: the figures can be published meanwhile, but a reader
// cannot tell what they may do with them. A site that names no licence at
// all, such as a test site, is left alone.
func (d *Data) checkLicence(name string, doc *tomlfile.Doc, problems *diag.List) {
	id, u := d.Site.DataLicence, d.Site.DataLicenceURL
	line, col := doc.Pos("data_licence")
	switch {
	case id == "" && line > 0:
		problems.Warnf(diag.Licence, name, line, col, `"data_licence" is still empty, so the open data (tal/data/) are published without a licence and readers cannot tell what they may do with them; name the licence the publisher chose, like data_licence = "CC-BY-4.0" with data_licence_url = "https://creativecommons.org/licenses/by/4.0/"`)
	case id != "" && !licenceID.MatchString(id):
		problems.Errorf(name, line, col, `"data_licence" must be a licence's identifier, letters, digits and - . _, like "CC-BY-4.0", not %q`, short(id))
		d.Site.DataLicence = ""
	}
	if u != "" && !isWebAddress(u) {
		line, col := doc.Pos("data_licence_url")
		problems.Errorf(name, max(line, 1), col, `"data_licence_url" must be a full https:// address, like https://creativecommons.org/licenses/by/4.0/, not %q`, short(u))
		d.Site.DataLicenceURL = ""
	}
}

// loadDefinitions reads data/definitions.toml, if there is one.
func (d *Data) loadDefinitions(fsys fs.FS, problems *diag.List) {
	const name = "data/definitions.toml"
	if _, err := fs.Stat(fsys, name); errors.Is(err, fs.ErrNotExist) {
		return
	}
	src, ok := d.readData(fsys, name, false, problems)
	if !ok {
		return
	}
	doc, ok := tomlfile.Decode(name, 1, src, &d.Definitions, problems)
	if !ok {
		return
	}
	for key, phrases := range map[string][]string{"da": d.Definitions.Da, "en": d.Definitions.En} {
		for i, p := range phrases {
			if !strings.ContainsAny(p, "0123456789") {
				line, col := doc.Pos(key)
				problems.Errorf(name, max(line, 1), col, "%s: %q has no number; a definition names the number it keeps, like \"under 50 medarbejdere\"", key, phrases[i])
			}
		}
	}
}

// DefinitionPhrases are the phrases of both languages whose numbers belong
// to a definition.
func (d *Data) DefinitionPhrases() []string {
	return append(slices.Clip(d.Definitions.Da), d.Definitions.En...)
}

func (d *Data) loadFields(fsys fs.FS, problems *diag.List) {
	name := "data/fields.toml"
	var file struct {
		Fields []*Field `toml:"field"`
	}
	doc, ok := d.decodeList(fsys, name, "fields", &file, problems)
	if !ok {
		return
	}
	d.requireSome(name, "fields", "[[field]]", len(file.Fields), problems)
	for i, f := range file.Fields {
		at := posFunc(doc, "field", i)
		if registerID(name, at, f.ID, "field", d.fields, f, problems) {
			d.Fields = append(d.Fields, f)
		}
		requireText(name, at, "name", f.Name, problems)
	}
}

func (d *Data) loadClusters(fsys fs.FS, problems *diag.List) {
	name := "data/clusters.toml"
	var file struct {
		Clusters []*Cluster `toml:"cluster"`
	}
	doc, ok := d.decodeList(fsys, name, "clusters", &file, problems)
	if !ok {
		return
	}
	d.requireSome(name, "clusters", "[[cluster]]", len(file.Clusters), problems)
	for i, c := range file.Clusters {
		at := posFunc(doc, "cluster", i)
		if registerID(name, at, c.ID, "cluster", d.clusters, c, problems) {
			d.Clusters = append(d.Clusters, c)
		}
		requireText(name, at, "name", c.Name, problems)
		if d.fields[c.Field] == nil && !d.broken["fields"] {
			line, col := at("field")
			problems.Errorf(name, line, col, "cluster %q: unknown field %q; use one of the ids in data/fields.toml: %s",
				c.ID, c.Field, strings.Join(ids(d.Fields, func(f *Field) string { return f.ID }), ", "))
		}
	}
}

func (d *Data) loadMetrics(fsys fs.FS, problems *diag.List) {
	name := "data/metrics.toml"
	var file struct {
		Metrics []*Metric `toml:"metric"`
	}
	doc, ok := d.decodeList(fsys, name, "metrics", &file, problems)
	if !ok {
		return
	}
	d.requireSome(name, "metrics", "[[metric]]", len(file.Metrics), problems)
	for i, m := range file.Metrics {
		at := posFunc(doc, "metric", i)
		if registerID(name, at, m.ID, "metric", d.metrics, m, problems) {
			d.Metrics = append(d.Metrics, m)
		}
		requireText(name, at, "label", m.Label, problems)
		if m.Decimals < 0 || m.Decimals > 6 {
			line, col := at("decimals")
			problems.Errorf(name, line, col, "metric %q: decimals must be between 0 and 6, not %d", m.ID, m.Decimals)
		}
		checkMetricKind(name, at, m, problems)
	}
	for i, m := range file.Metrics {
		if d.metrics[m.ID] == m {
			d.checkMetricRefs(name, posFunc(doc, "metric", i), m, problems)
		}
	}
	// Each metric has a page named by its title; two of one name would
	// leave a reader unable to tell them apart.
	named := map[string]string{}
	for i, m := range file.Metrics {
		if d.metrics[m.ID] != m {
			continue
		}
		title := d.Title(m.ID)
		if other, taken := named[title]; taken {
			key := "label"
			if m.Title != "" {
				key = "title"
			}
			line, col := posFunc(doc, "metric", i)(key)
			problems.Errorf(name, line, col, "metric %q would be called %q, like metric %q; give one of them a title that tells them apart (see docs/content-model.md)", m.ID, title, other)
			continue
		}
		named[title] = m.ID
	}
}

func (d *Data) checkMetricRefs(name string, at func(string) (int, int), m *Metric, problems *diag.List) {
	refs := map[string]string{"parent": m.Parent, "average_of": m.AverageOf}
	for _, key := range []string{"parent", "average_of"} {
		if id := refs[key]; id != "" && d.metrics[id] == nil {
			line, col := at(key)
			problems.Errorf(name, line, col, "metric %q: %s names unknown metric %q", m.ID, key, id)
		}
	}
	if m.Ratio != nil {
		line, col := at("ratio")
		if len(m.Ratio) != 2 {
			problems.Errorf(name, line, col, "metric %q: ratio must name two metrics, numerator and denominator, not %d", m.ID, len(m.Ratio))
			m.Ratio = nil
		} else {
			for _, id := range m.Ratio {
				if id == m.ID {
					problems.Errorf(name, line, col, "metric %q: ratio names the metric itself; a ratio is computed from two other metrics", m.ID)
					m.Ratio = nil
					break
				}
				if d.metrics[id] == nil {
					problems.Errorf(name, line, col, "metric %q: ratio names unknown metric %q", m.ID, id)
					m.Ratio = nil
					break
				}
			}
		}
	}
	if d.Depth(m.ID) >= len(d.Metrics) && len(d.Metrics) > 0 {
		line, col := at("parent")
		problems.Errorf(name, line, col, "metric %q: its parents form a loop; a parent must be a total above it", m.ID)
		m.Parent = ""
	}
	if d.leadsBack(m, d.ratioParts) {
		line, col := at("ratio")
		problems.Errorf(name, line, col, "metric %q: its ratio is computed from metrics computed from it; a ratio's metrics must be typed, or computed from others", m.ID)
		m.Ratio = nil
	}
	if d.leadsBack(m, d.totals) {
		key := "average_of"
		if m.AverageOf == "" {
			key = "parent"
		}
		line, col := at(key)
		problems.Errorf(name, line, col, "metric %q: following parent and average_of leads back to it; a metric is a part or an average of another metric, never of itself", m.ID)
		m.Parent, m.AverageOf = "", ""
	}
}

// leadsBack reports whether following edges from m, in any mix, comes
// back to m: parent and average_of (a total above itself), or ratio (a
// ratio computed from itself).
func (d *Data) leadsBack(m *Metric, edges func(*Metric) []*Metric) bool {
	seen := map[*Metric]bool{}
	next := edges(m)
	for len(next) > 0 {
		n := next[len(next)-1]
		next = next[:len(next)-1]
		switch {
		case n == m:
			return true
		case n == nil || seen[n]:
			continue
		}
		seen[n] = true
		next = append(next, edges(n)...)
	}
	return false
}

func (d *Data) totals(m *Metric) []*Metric {
	return []*Metric{d.metrics[m.Parent], d.metrics[m.AverageOf]}
}

func (d *Data) ratioParts(m *Metric) []*Metric {
	out := make([]*Metric, len(m.Ratio))
	for i, id := range m.Ratio {
		out[i] = d.metrics[id]
	}
	return out
}

// decodeList reads one of the reference lists; when it cannot, the list is
// marked broken so that references into it are not reported again.
func (d *Data) decodeList(fsys fs.FS, name, list string, v any, problems *diag.List) (*tomlfile.Doc, bool) {
	src, ok := d.readData(fsys, name, true, problems)
	var doc *tomlfile.Doc
	if ok {
		doc, ok = tomlfile.Decode(name, 1, src, v, problems)
	}
	d.broken[list] = !ok
	return doc, ok
}

func (d *Data) requireSome(name, list, header string, n int, problems *diag.List) {
	if n == 0 {
		problems.Errorf(name, 1, 0, "no %s defined; add at least one %s block (see docs/content-model.md)", list, header)
		d.broken[list] = true
	}
}

// MaxID bounds an id: it becomes a folder of the site and part of file
// names ("figur-<id>.json"), which file systems cut at 255 bytes.
const MaxID = 80

// short is an id cut for a message.
func short(s string) string {
	if len(s) > 60 {
		return strings.ToValidUTF8(s[:60], "") + "…"
	}
	return s
}

// posFunc returns a function that finds a key inside the i-th [[table]].
func posFunc(doc *tomlfile.Doc, table string, i int) func(key string) (int, int) {
	return func(key string) (int, int) {
		line, col := doc.Pos(table, strconv.Itoa(i), key)
		if line == 0 {
			line, col = doc.Pos(table, strconv.Itoa(i))
		}
		return line, col
	}
}

// registerID checks an id's form and uniqueness and records it.
func registerID[T any](name string, at func(string) (int, int), id, kind string, index map[string]T, v T, problems *diag.List) bool {
	line, col := at("id")
	switch {
	case id == "":
		problems.Errorf(name, line, col, "a %s needs an id", kind)
		return false
	case !slugs.Valid(id):
		problems.Errorf(name, line, col, "%s id %q must be lower-case letters, digits and hyphens, like %q", kind, short(id), slugs.Make(short(id)))
		return false
	case len(id) > MaxID:
		problems.Errorf(name, line, col, "%s id %q is %d characters long; an id names a page and its files, and may be at most %d", kind, short(id), len(id), MaxID)
		return false
	}
	if _, dup := index[id]; dup {
		problems.Errorf(name, line, col, "%s id %q is used twice; ids must be unique", kind, id)
		return false
	}
	if taken := ReservedMetricIDs[id]; kind == "metric" && taken != "" {
		problems.Errorf(name, line, col, "metric id %q is taken: a metric's page is tal/<id>/, and tal/%s/ is %s; choose another id", id, id, taken)
		return false
	}
	index[id] = v
	return true
}

func requireText(name string, at func(string) (int, int), key, value string, problems *diag.List) {
	if strings.TrimSpace(value) == "" {
		line, col := at(key)
		problems.Errorf(name, line, col, "%q is required", key)
	}
}

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
