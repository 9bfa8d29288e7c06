package data

// Figures from studies the report cites (data/studies.toml): a survey's
// shares, its number of respondents, an analysis's estimated effects. They
// are not yearly counts of the clusters, so they have no place in a year's
// file, but they are facts the text states, so they live in the data once,
// with their source, like every other figure.

import (
	"errors"
	"io/fs"
	"math"
	"strings"

	"report/internal/diag"
	"report/internal/tomlfile"
)

// Study is a survey or an analysis whose results the report cites.
type Study struct {
	ID      string         `toml:"id"`
	Source  string         `toml:"source"` // as a reader should see it cited
	Year    int            `toml:"year"`   // the year the figures describe
	Figures []*StudyFigure `toml:"figure"`
	En      struct {
		Source string `toml:"source"`
	} `toml:"en"`
}

// StudyFigure is one result of a study.
type StudyFigure struct {
	ID       string  `toml:"id"`
	Label    string  `toml:"label"`
	Unit     string  `toml:"unit"`
	Decimals int     `toml:"decimals"`
	Value    float64 `toml:"value"`
	// Shown is how the source states a figure that is not a plain number,
	// "2/3"; the page shows it wherever the figure appears.
	Shown string `toml:"shown"`
	// En holds the English label and unit.
	En MetricEnglish `toml:"en"`
}

const studiesFile = "data/studies.toml"

// loadStudies reads data/studies.toml, if there is one, and adds each
// study's figures to the metric catalogue, so that prose, key figures and
// the list of all figures reach them as they reach any metric.
func (d *Data) loadStudies(fsys fs.FS, problems *diag.List) {
	if _, err := fs.Stat(fsys, studiesFile); errors.Is(err, fs.ErrNotExist) {
		return
	}
	var file struct {
		Studies []*Study `toml:"study"`
	}
	src, ok := d.readData(fsys, studiesFile, false, problems)
	if !ok {
		d.broken["metrics"] = true // its error is reported; a reference into it would only repeat it
		return
	}
	doc, ok := tomlfile.Decode(studiesFile, 1, src, &file, problems)
	if !ok {
		d.broken["metrics"] = true // a reference into it would only repeat the error
		return
	}
	seen := map[string]*Study{}
	n := 0 // figures so far: [[study.figure]] tables are counted across studies
	for i, st := range file.Studies {
		at := posFunc(doc, "study", i)
		if registerID(studiesFile, at, st.ID, "study", seen, st, problems) {
			d.Studies = append(d.Studies, st)
		}
		requireText(studiesFile, at, "source", st.Source, problems)
		if st.Year < 1900 || st.Year > 2999 {
			line, col := at("year")
			problems.Errorf(studiesFile, line, col, "study %q: year must be the year its figures describe, like 2014", st.ID)
		}
		for _, f := range st.Figures {
			fat := posFunc(doc, "study.figure", n)
			n++
			m := &Metric{ID: f.ID, Label: f.Label, Unit: f.Unit, Decimals: f.Decimals, En: f.En, Study: st, Shown: strings.TrimSpace(f.Shown)}
			if !registerID(studiesFile, fat, f.ID, "metric", d.metrics, m, problems) {
				continue
			}
			d.Metrics = append(d.Metrics, m)
			requireText(studiesFile, fat, "label", f.Label, problems)
			m.Kind = defaultKind(m)
			if math.IsNaN(f.Value) || math.IsInf(f.Value, 0) {
				line, col := fat("value")
				problems.Errorf(studiesFile, line, col, "figure %q: value must be a figure, not %v", f.ID, f.Value)
				d.markBroken(st.Year, f.ID)
				continue
			}
			checked := *m
			if m.Shown != "" {
				checked.Decimals = 6 // shown as the source words it, "2/3"
			}
			if msg := kindProblem(&checked, f.Value); msg != "" {
				line, col := fat("value")
				problems.Errorf(studiesFile, line, col, "%s", msg)
				d.markBroken(st.Year, f.ID)
				continue
			}
			d.studyValues[f.ID] = f.Value
		}
	}
}
