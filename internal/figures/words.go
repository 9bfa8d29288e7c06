package figures

import (
	"fmt"

	"report/internal/lang"
)

// The words of tables and charts, from the [table] and [figures] sections
// of the language's table of interface strings (i18n/<code>.toml): the
// language of the data the blocks are drawn from (data.Data.Lang). A
// string that takes values is a format: %s is a text, %d a year.

// wordKeys are the keys of the [table] and [figures] sections.
var wordKeys = []string{
	"table.metric_column", "table.change", "table.change_unit", "table.of_which",
	"table.not_counted", "table.no_change", "table.empty_note", "table.change_note",
	"figures.show_table", "figures.table_label", "figures.unit", "figures.download", "figures.csv",
	"figures.year", "figures.category", "figures.source",
	"figures.clusters", "figures.clusters_unit", "figures.gold", "figures.silver_bronze",
}

// danishWords are those sections of i18n/da.toml, for a Danish language
// without its table: data read without i18n/, as tests read it.
// TestDanishWords keeps them equal to the table; a site always draws with
// the table it loaded.
var danishWords = map[string]string{
	"table.metric_column":   "Nøgletal",
	"table.change":          "Ændring %d–%d",
	"table.change_unit":     "pct.",
	"table.of_which":        "heraf",
	"table.not_counted":     "ikke opgjort",
	"table.no_change":       "kan ikke beregnes",
	"table.empty_note":      "Tomme felter: tallet er ikke opgjort det år.",
	"table.change_note":     "Ændringen er beregnet ud fra de viste tal.",
	"figures.show_table":    "Se tallene som tabel",
	"figures.table_label":   "%s, tabel",
	"figures.unit":          "Enhed: %s.",
	"figures.download":      "Hent tallene:",
	"figures.csv":           "CSV (Excel)",
	"figures.year":          "År",
	"figures.category":      "Kategori",
	"figures.source":        "Kilde: Klyngernes indberetninger til performanceregnskabet.",
	"figures.clusters":      "Klynger",
	"figures.clusters_unit": "klynger",
	"figures.gold":          "Guld",
	"figures.silver_bronze": "Sølv eller bronze",
}

// say is the string of the key in l, with its values filled in when it
// takes any: a string that takes none is written as it is, so "%" needs no
// doubling there. A Danish language without the key (lang.Danish itself
// has no table) says it as da.toml does; any other shows the key in
// brackets, where a test sees it.
func say(l *lang.Lang, key string, args ...any) string {
	s := l.T(key)
	if !l.Has(key) && l.Code == lang.Danish.Code {
		if format, ok := danishWords[key]; ok {
			s = format
		}
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}
