// Package refs resolves the report's references, the {{…}} an editor writes
// where prose, a title or a caption states a figure or a year:
//
//	{{omsaetning 2015}}        a metric's figure for a year: "257,6"
//	{{omsaetning}}             the figure for the edition's data year
//	{{omsaetning dataår-1}}    the figure for the year before it
//	{{dataår}} {{startår}} {{udgave}}   the edition's years: "2015", "2012", "2016"
//	{{antal klynger}}          the clusters that reported to the edition: "44"
//	{{antal guldklynger}} {{antal klynger uden guld}} {{guldklynger}}
//	{{år}}                     in a chart's or table's title: the years it shows, "2012–2015"
//
// A reference that names the edition's years instead of typing them follows
// its edition: copied into next year's edition it states next year's facts.
// Options round a figure (round=1000, round-down=10, round-up=100) or show
// what a printed source said where it disagrees with its data (printed=104).
//
// Resolve works on one reference; Expand on every reference in a piece of
// text from TOML or front matter. Neither touches goldmark, so the Markdown
// parser, the front matter and the data's texts share one language.
package refs
