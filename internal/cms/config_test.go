package cms_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"report/internal/cms"
	"report/internal/data"
	"report/internal/diag"
	"report/internal/lang"
	"report/internal/site"
	"report/internal/sitetest"
)

func shippedConfig(t *testing.T) (*site.Site, *cms.Config) {
	t.Helper()
	var problems diag.List
	s := site.Load(sitetest.ShippedFS(), site.Options{}, &problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	c, err := cms.Make(s, s.Lang)
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

// missing lists what a collection's form lacks of a front matter: a key
// with no field, a required key whose field is optional, and a key written
// once whose field would go into the translation too.
func missing(c *cms.Config, collection string, keys, required [][]string) []string {
	var out []string
	i := slices.IndexFunc(c.Collections, func(col cms.Collection) bool { return col.Name == collection })
	if i < 0 {
		return []string{"no collection " + collection}
	}
	for _, key := range keys {
		fields := c.Collections[i].Fields
		var f *cms.Field
		for _, name := range key {
			j := slices.IndexFunc(fields, func(f cms.Field) bool { return f.Name == name })
			if j < 0 {
				f = nil
				break
			}
			f, fields = &fields[j], fields[j].Fields
		}
		name := strings.Join(key, ".")
		req := slices.ContainsFunc(required, func(k []string) bool { return slices.Equal(k, key) })
		switch {
		case f == nil:
			out = append(out, name+": no field")
		case req && !f.Required:
			out = append(out, name+": required by check, optional in the form")
		case f.I18n == site.WrittenOnce(key):
			out = append(out, fmt.Sprintf("%s: i18n is %v, but the translation %s hold it", name, f.I18n, map[bool]string{true: "may not", false: "may"}[f.I18n]))
		}
	}
	return out
}

// TestFormCoversTheModel holds every edition's case-story form to the
// content model: a field for every key of the front matter, required where
// check requires it, and in the translation only where a translation may
// hold it. The planted key shows that a field the model gains and the form
// lacks fails it.
func TestFormCoversTheModel(t *testing.T) {
	s, c := shippedConfig(t)
	for _, e := range s.Editions {
		name := fmt.Sprintf("cases-%d", e.Year)
		if m := missing(c, name, site.MatterKeys("case"), site.CaseRequired); len(m) > 0 {
			t.Errorf("%s: %s", name, strings.Join(m, "; "))
		}
	}
	// Every chapter's form has a field for each key of a chapter's front
	// matter, but copied_from, which only a copied chapter's has.
	for _, col := range c.Collections {
		if !strings.HasPrefix(col.Name, "chapters-") {
			continue
		}
		for _, f := range col.Files {
			if strings.HasSuffix(f.File, "_index.{{locale}}.md") {
				continue // the front page: a title and the foreword
			}
			for _, key := range site.MatterKeys("chapter") {
				name := strings.Join(key, ".")
				has := slices.ContainsFunc(f.Fields, func(fl cms.Field) bool { return fl.Name == name })
				if !has && name != "copied_from" {
					t.Errorf("%s: the form of %s has no field for %q", col.Name, f.File, name)
				}
			}
		}
	}
	planted := []string{"quote", "date"}
	m := missing(c, "cases-2016", append(site.MatterKeys("case"), planted), append(site.CaseRequired, planted))
	if !slices.Equal(m, []string{"quote.date: no field"}) {
		t.Errorf("a required key the form lacks gives %v, want it named", m)
	}
}

// TestFormChoices: a story's cluster is one of its edition's clusters, shown
// by name, and its theme one of the themes, shown by its Danish heading.
func TestFormChoices(t *testing.T) {
	s, c := shippedConfig(t)
	e := s.Editions[0]
	form := c.Collections[slices.IndexFunc(c.Collections, func(col cms.Collection) bool { return col.Name == fmt.Sprintf("cases-%d", e.Year) })]
	byName := map[string]cms.Field{}
	for _, f := range form.Fields {
		byName[f.Name] = f
	}
	var clusters []string
	for _, o := range byName["cluster"].Options {
		clusters = append(clusters, o.Value)
		if cl := s.Data.Cluster(o.Value); cl == nil || o.Label != cl.Name {
			t.Errorf("the cluster choice %q is labelled %q", o.Value, o.Label)
		}
	}
	if !slices.Equal(clusters, e.Clusters) {
		t.Errorf("the cluster choices are %v, want the edition's clusters %v", clusters, e.Clusters)
	}
	var themes []string
	for _, o := range byName["theme"].Options {
		themes = append(themes, o.Value)
		if o.Label != lang.Danish.T("themes."+o.Value) && o.Label != s.Lang.T("themes."+o.Value) {
			t.Errorf("the theme %q is labelled %q, not its Danish heading", o.Value, o.Label)
		}
	}
	if !slices.Equal(themes, site.ThemeIDs()) {
		t.Errorf("the theme choices are %v, want %v", themes, site.ThemeIDs())
	}
	if byName["body"].Widget != "markdown" || !slices.Equal(byName["body"].Modes, []string{"raw"}) {
		t.Errorf("the body is %+v, want raw Markdown", byName["body"])
	}
}

// TestYearForm: every figure a year's file holds has a field, a count takes
// whole numbers only, and no figure can be negative.
func TestYearForm(t *testing.T) {
	s, c := shippedConfig(t)
	years := c.Collections[slices.IndexFunc(c.Collections, func(col cms.Collection) bool { return col.Name == "years" })]
	if len(years.Files) != len(s.Data.Years()) {
		t.Fatalf("%d year forms for the years %v", len(years.Files), s.Data.Years())
	}
	for _, f := range years.Files[0].Fields {
		m := s.Data.Metric(f.Name)
		if m == nil {
			t.Errorf("the year form has %q, which is no metric", f.Name)
			continue
		}
		if (m.Kind == data.Count) != (f.ValueType == "int") || f.Min == nil || *f.Min != 0 || f.Required {
			t.Errorf("%s (%s): value_type %q, min %v, required %v", f.Name, m.Kind, f.ValueType, f.Min, f.Required)
		}
	}
	for _, y := range s.Data.Years() {
		for _, id := range yearKeys(t, y) {
			if id == "whole" {
				continue // not a figure: the CMS keeps it as it is (TestCMSRoundTrip)
			}
			if !slices.ContainsFunc(years.Files[0].Fields, func(f cms.Field) bool { return f.Name == id }) {
				t.Errorf("data/years/%d.toml holds %q, which the year form has no field for", y, id)
			}
		}
	}
	if b := c.JSON(); !json.Valid(b) {
		t.Error("config.json is not JSON")
	}
}

// yearKeys are the figures' keys of a year's file, which holds lines of
// key = value until its [notes] table.
func yearKeys(t *testing.T, year int) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sitetest.Shipped(), "data", "years", fmt.Sprintf("%d.toml", year)))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for line := range strings.Lines(string(b)) {
		if strings.HasPrefix(line, "[") {
			break
		}
		if m := keyLine.FindStringSubmatch(line); m != nil {
			keys = append(keys, m[1])
		}
	}
	return keys
}

var keyLine = regexp.MustCompile(`^([a-z0-9-]+) *=`)

// TestEditionForm: the form of an edition's file has a field for each of
// its keys but those a person confirms in the file (the date, copied_from,
// unconfirmed), and offers every cluster by name.
func TestEditionForm(t *testing.T) {
	s, c := shippedConfig(t)
	eds := c.Collections[slices.IndexFunc(c.Collections, func(col cms.Collection) bool { return col.Name == "editions" })]
	if len(eds.Files) != len(s.Data.Editions) {
		t.Fatalf("%d edition forms for %d editions", len(eds.Files), len(s.Data.Editions))
	}
	fields := eds.Files[0].Fields
	for f := range reflect.TypeFor[data.Edition]().Fields() {
		key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if key == "" || key == "-" || key == "published" || key == "copied_from" || key == "unconfirmed" {
			continue
		}
		if !slices.ContainsFunc(fields, func(fl cms.Field) bool { return fl.Name == key }) {
			t.Errorf("an edition's file has %q, which its form has no field for", key)
		}
	}
	i := slices.IndexFunc(fields, func(f cms.Field) bool { return f.Name == "clusters" })
	if i < 0 || !fields[i].Multiple || len(fields[i].Options) != len(s.Data.Clusters) {
		t.Errorf("the clusters field is %+v, want a multiple choice among all %d clusters", fields[i], len(s.Data.Clusters))
	}
}
