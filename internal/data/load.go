package data

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"report/internal/danish"
	"report/internal/diag"
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

		broken:         map[string]bool{},
		brokenYears:    map[int]bool{},
		brokenEditions: map[int]bool{},
	}
	d.loadSite(fsys, problems)
	d.loadFields(fsys, problems)
	d.loadClusters(fsys, problems)
	d.loadMetrics(fsys, problems)
	d.loadYears(fsys, problems)
	d.loadEditions(fsys, problems)
	d.checkArithmetic(problems)
	d.hash.Sum(d.fingerprint[:0])
	return d
}

// MaxFileSize bounds what one text file of the site may weigh; a bigger one is
// almost certainly a mistake (a video or a database dump saved in the wrong
// folder), and reading it whole would only waste memory.
const MaxFileSize = 10 << 20

// read returns a required file's text, or records why it cannot.
func read(fsys fs.FS, name string, required bool, problems *diag.List) ([]byte, bool) {
	if _, err := fs.Stat(fsys, name); errors.Is(err, fs.ErrNotExist) {
		if required {
			problems.Errorf(name, 0, 0, "file is missing; every site needs it (see docs/content-model.md)")
		}
		return nil, false
	}
	return ReadText(fsys, name, problems)
}

// readData reads one of data/'s files, and adds it to the data's fingerprint.
func (d *Data) readData(fsys fs.FS, name string, required bool, problems *diag.List) ([]byte, bool) {
	src, ok := read(fsys, name, required, problems)
	d.hash.Write([]byte(name + "\x00"))
	d.hash.Write(src)
	d.hash.Write([]byte{0})
	return src, ok
}

// ReadText reads a text file of the site: not too big, UTF-8, with a byte
// order mark and CRLF line ends tolerated.
func ReadText(fsys fs.FS, name string, problems *diag.List) ([]byte, bool) {
	src, err := readLimited(fsys, name)
	if err != nil {
		problems.Errorf(name, 0, 0, "%v", err)
		return nil, false
	}
	return Clean(name, src, problems)
}

// readLimited reads a file with one open, refusing it unread when it is too
// big.
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	if info.Size() > MaxFileSize {
		return nil, fmt.Errorf("file is %d MB; text files may be at most %d MB", info.Size()>>20, MaxFileSize>>20)
	}
	// One read of the size the file says it has (ReadAll would start small
	// and grow through several reads); a file that grew meanwhile is read on.
	src := make([]byte, 0, info.Size()+1)
	for {
		n, err := f.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if err == io.EOF {
			return src, nil
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read: %w", err)
		}
		if len(src) > MaxFileSize {
			return nil, fmt.Errorf("file is over %d MB; text files may be at most %d MB", MaxFileSize>>20, MaxFileSize>>20)
		}
		if len(src) == cap(src) {
			src = append(src, 0)[:len(src)]
		}
	}
}

// Clean removes a UTF-8 byte order mark and turns CRLF line ends into LF, so
// files saved by Windows editors work; it refuses text that is not UTF-8.
func Clean(name string, src []byte, problems *diag.List) ([]byte, bool) {
	src = []byte(strings.TrimPrefix(string(src), "\uFEFF"))
	if line, col, ok := invalidUTF8(src); !ok {
		problems.Errorf(name, line, col, "the file is not valid UTF-8; save it as UTF-8")
		return nil, false
	}
	if slices.Contains(src, '\r') {
		src = []byte(strings.ReplaceAll(string(src), "\r\n", "\n"))
	}
	return src, true
}

func invalidUTF8(src []byte) (line, col int, ok bool) {
	if utf8.Valid(src) {
		return 0, 0, true
	}
	s := string(src)
	line, col = 1, 1
	for i, r := range s {
		if r == '\uFFFD' && !strings.HasPrefix(s[i:], "\uFFFD") {
			return line, col, false
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return 0, 0, true
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
	}
	for i, m := range file.Metrics {
		if d.metrics[m.ID] == m {
			d.checkMetricRefs(name, posFunc(doc, "metric", i), m, problems)
		}
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
				if d.metrics[id] == nil || id == m.ID {
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
}

func (d *Data) loadYears(fsys fs.FS, problems *diag.List) {
	entries, err := fs.ReadDir(fsys, yearsDir)
	if err != nil {
		problems.Errorf(yearsDir, 0, 0, "cannot read the folder of yearly figures: %v", err)
		return
	}
	for _, e := range entries {
		name := path.Join(yearsDir, e.Name())
		year, ok := yearFileName(name, e, problems)
		if !ok {
			continue
		}
		src, ok := d.readData(fsys, name, true, problems)
		raw := map[string]any{}
		var doc *tomlfile.Doc
		if ok {
			doc, ok = tomlfile.Decode(name, 1, src, &raw, problems)
		}
		if !ok {
			d.brokenYears[year] = true
			continue
		}
		values := d.numbers(name, doc, year, raw, problems)
		d.checkYearValues(name, doc, values, problems)
		d.values[year] = values
		d.yearDocs[year] = doc
		d.years = append(d.years, year)
	}
	slices.Sort(d.years)
}

// numbers converts a year file's values. A whole number typed for a metric
// that is shown with decimals (the source printing "11" in a column of "7,8")
// keeps its printed precision rather than gaining a ",0" the source never had.
func (d *Data) numbers(name string, doc *tomlfile.Doc, year int, raw map[string]any, problems *diag.List) map[string]float64 {
	values := map[string]float64{}
	for _, id := range sortedKeys(raw) {
		switch v := raw[id].(type) {
		case int64:
			values[id] = float64(v)
			if d.wholes[year] == nil {
				d.wholes[year] = map[string]bool{}
			}
			d.wholes[year][id] = true
		case float64:
			values[id] = v
		default:
			line, col := doc.Pos(id)
			problems.Errorf(name, line, col, "%q must be a number, like 257.6 or 44, not %s", id, tomlType(v))
		}
	}
	return values
}

func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	case bool:
		return "true or false"
	default:
		return "a date or time"
	}
}

func (d *Data) checkYearValues(name string, doc *tomlfile.Doc, values map[string]float64, problems *diag.List) {
	for _, id := range sortedKeys(values) {
		m := d.metrics[id]
		line, col := doc.Pos(id)
		switch {
		case m == nil && d.broken["metrics"]:
			delete(values, id)
		case m == nil:
			problems.Errorf(name, line, col, "unknown metric %q; define it in data/metrics.toml first", id)
			delete(values, id)
		case m.Derived():
			problems.Errorf(name, line, col, "metric %q is computed from %s and must not be typed", id, strings.Join(m.Ratio, " / "))
			delete(values, id)
		}
	}
}

// yearFileName accepts data/years/2015.toml and nothing else.
func yearFileName(name string, e fs.DirEntry, problems *diag.List) (int, bool) {
	if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
		return 0, false
	}
	base, ok := strings.CutSuffix(e.Name(), ".toml")
	year, err := strconv.Atoi(base)
	if !ok || err != nil || year < 1900 || year > 2999 || len(base) != 4 {
		problems.Errorf(name, 0, 0, "a file here must be named after its year, like 2015.toml")
		return 0, false
	}
	return year, true
}

func (d *Data) loadEditions(fsys fs.FS, problems *diag.List) {
	entries, err := fs.ReadDir(fsys, editionsDir)
	if err != nil {
		problems.Errorf(editionsDir, 0, 0, "cannot read the folder of editions: %v", err)
		return
	}
	for _, e := range entries {
		name := path.Join(editionsDir, e.Name())
		year, ok := yearFileName(name, e, problems)
		if !ok {
			continue
		}
		src, ok := d.readData(fsys, name, true, problems)
		ed := &Edition{Path: name}
		var doc *tomlfile.Doc
		if ok {
			doc, ok = tomlfile.Decode(name, 1, src, ed, problems)
		}
		if ok && ed.Year != year {
			line, col := doc.Pos("year")
			problems.Errorf(name, max(line, 1), col, "year is %d but the file is named %d.toml; they must agree", ed.Year, year)
			ok = false
		}
		if !ok {
			d.brokenEditions[year] = true
			continue
		}
		ed.Doc = doc
		d.checkEdition(ed, problems)
		d.Editions = append(d.Editions, ed)
	}
	slices.SortFunc(d.Editions, func(a, b *Edition) int { return a.Year - b.Year })
	if len(d.Editions) == 0 && len(d.brokenEditions) == 0 {
		problems.Errorf(editionsDir, 0, 0, "no edition found; add one, for example data/editions/2016.toml")
	}
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
	case !danish.IsSlug(id):
		problems.Errorf(name, line, col, "%s id %q must be lower-case letters, digits and hyphens, like %q", kind, id, danish.Slug(id))
		return false
	}
	if _, dup := index[id]; dup {
		problems.Errorf(name, line, col, "%s id %q is used twice; ids must be unique", kind, id)
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
