package data

// The data as the site in another language shows it: the same figures, with
// each item's words in that language and figures written its way.

import (
	"strconv"

	"report/internal/diag"
	"report/internal/lang"
)

// In returns the data as the version of the site in language l shows it:
// every metric's label, title and unit, every field's name, every study's
// source, every edition's title, subtitle, description and key figures'
// texts, and the site's title in their English forms (the [en] tables), and
// figures written as l writes them. The figures themselves are shared.
//
// An item without its English form keeps the Danish and is named in a
// warning at its place, so that `report check` lists what is left to
// translate. For Danish, In returns the data as it is, in l, whose
// interface strings the figures' tables and charts then use.
func (d *Data) In(l *lang.Lang, problems *diag.List) *Data {
	v := *d
	v.lang = l
	if l.Code == lang.Danish.Code {
		return &v
	}
	missing := func(file string, line, col int, what string) {
		problems.Warnf(diag.Translation, file, line, col, "%s has no English form; the English version shows the Danish (add it in an [en] table)", what)
	}
	v.Site = d.Site
	v.Site.Title = english(d.Site.Title, d.Site.En.Title, func() { missing("data/site.toml", 0, 0, "the site's title") })
	v.Site.Publisher = english(d.Site.Publisher, d.Site.En.Publisher, func() { missing("data/site.toml", 0, 0, "the publisher") })
	v.Fields, v.fields = nil, map[string]*Field{}
	for _, f := range d.Fields {
		ef := *f
		ef.Name = english(f.Name, f.En.Name, func() { missing("data/fields.toml", 0, 0, "field "+strconv.Quote(f.ID)) })
		v.Fields = append(v.Fields, &ef)
		v.fields[ef.ID] = &ef
	}
	studies := map[*Study]*Study{}
	v.Studies = nil
	for _, s := range d.Studies {
		es := *s
		es.Source = english(s.Source, s.En.Source, func() { missing(studiesFile, 0, 0, "the source of study "+strconv.Quote(s.ID)) })
		studies[s] = &es
		v.Studies = append(v.Studies, &es)
	}
	v.Metrics, v.metrics = nil, map[string]*Metric{}
	for _, m := range d.Metrics {
		em := *m
		file := "data/metrics.toml"
		if m.Study != nil {
			file = studiesFile
		}
		em.Label = english(m.Label, m.En.Label, func() { missing(file, 0, 0, "metric "+strconv.Quote(m.ID)) })
		em.Title = english(m.Title, m.En.Title, func() { missing(file, 0, 0, "the title of metric "+strconv.Quote(m.ID)) })
		em.Unit = english(m.Unit, m.En.Unit, func() { missing(file, 0, 0, "the unit of metric "+strconv.Quote(m.ID)) })
		if m.Study != nil {
			em.Study = studies[m.Study]
		}
		v.Metrics = append(v.Metrics, &em)
		v.metrics[em.ID] = &em
	}
	v.Editions = nil
	for _, e := range d.Editions {
		v.Editions = append(v.Editions, e.in(func(what string) { missing(e.Path, 0, 0, what) }))
	}
	for _, year := range d.years {
		for _, id := range sortedKeys(d.notes[year]) {
			if d.notes[year][id].En == "" {
				line, col := d.yearDocs[year].Pos(notesKey, id)
				missing("data/years/"+strconv.Itoa(year)+".toml", line, col, "the note on "+strconv.Quote(id))
			}
		}
	}
	return &v
}

// in is the edition in English.
func (e *Edition) in(missing func(what string)) *Edition {
	ee := *e
	ee.Title = english(e.Title, e.En.Title, func() { missing("the edition's title") })
	ee.Subtitle = english(e.Subtitle, e.En.Subtitle, func() { missing("the edition's subtitle") })
	ee.DescriptionText = english(e.DescriptionText, e.En.Description, func() { missing("the edition's description") })
	ee.KeyFigures = nil
	for i, k := range e.KeyFigures {
		ek := k
		n := "key figure " + strconv.Itoa(i+1)
		ek.Text = english(k.Text, k.En.Text, func() { missing("the text of " + n) })
		ek.Prefix = english(k.Prefix, k.En.Prefix, func() { missing("the prefix of " + n) })
		ee.KeyFigures = append(ee.KeyFigures, ek)
	}
	return &ee
}

// english is the English form en of the Danish da, or da, after calling
// missing, when a Danish text has no English form. An empty Danish text
// needs none.
func english(da, en string, missing func()) string {
	switch {
	case en != "":
		return en
	case da != "":
		missing()
	}
	return da
}

// Only returns the data with only the editions of the given years, for a
// version of the site that has only those.
func (d *Data) Only(years map[int]bool) *Data {
	v := *d
	v.Editions = nil
	for _, e := range d.Editions {
		if years[e.Year] {
			v.Editions = append(v.Editions, e)
		}
	}
	return &v
}
