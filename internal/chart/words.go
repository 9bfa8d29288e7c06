package chart

import (
	"fmt"

	"report/internal/lang"
)

// The words a chart draws and says, from the [chart] section of the
// language's table of interface strings (i18n/<code>.toml). A string that
// takes values is a format: %s is a text or a figure already written the
// language's way, and %% a percent sign.

// wordKeys are the keys of the [chart] section, in a fixed order for the
// cache key.
var wordKeys = []string{
	"chart.bar", "chart.hbar", "chart.grouped", "chart.line", "chart.share",
	"chart.intro", "chart.series", "chart.only", "chart.extremes",
	"chart.rose", "chart.fell", "chart.unchanged",
	"chart.series_rose", "chart.series_fell", "chart.series_unchanged",
	"chart.percent", "chart.share_total", "chart.shares", "chart.total",
	"chart.missing", "chart.no_figure",
}

// danishWords are the [chart] strings of i18n/da.toml, for a Danish
// language without its table: a spec built by hand with no Lang (tests),
// or data read without i18n/. TestDanishWords keeps them equal to the
// table; a site always draws with the table it loaded.
var danishWords = map[string]string{
	"chart.bar":              "Søjlediagram",
	"chart.hbar":             "Liggende søjlediagram",
	"chart.grouped":          "Grupperet søjlediagram",
	"chart.line":             "Kurvediagram",
	"chart.share":            "Fordeling",
	"chart.intro":            "%s: %s.",
	"chart.series":           "Serier: %s.",
	"chart.only":             "Værdien er %s (%s).",
	"chart.extremes":         "Størst er %s (%s), mindst er %s (%s).",
	"chart.rose":             "Fra %s til %s steg tallet fra %s til %s",
	"chart.fell":             "Fra %s til %s faldt tallet fra %s til %s",
	"chart.unchanged":        "Fra %s til %s var tallet uændret, %s",
	"chart.series_rose":      "%s: fra %s til %s steg tallet fra %s til %s",
	"chart.series_fell":      "%s: fra %s til %s faldt tallet fra %s til %s",
	"chart.series_unchanged": "%s: fra %s til %s var tallet uændret, %s",
	"chart.percent":          "%s %%",
	"chart.share_total":      "I alt %s:",
	"chart.shares":           "Største andel: %s. Mindste andel: %s.",
	"chart.total":            "I alt %s",
	"chart.missing":          "Ingen tal for %s.",
	"chart.no_figure":        "ingen tal",
}

// language is the spec's language; a spec without one is Danish.
func (s Spec) language() *lang.Lang {
	if s.Lang == nil {
		return lang.Danish
	}
	return s.Lang
}

// say is the string of the key in l, with its values filled in when it
// takes any.
func say(l *lang.Lang, key string, args ...any) string {
	if len(args) == 0 {
		return word(l, key)
	}
	return fmt.Sprintf(word(l, key), args...)
}

// word is the string of the key in l as the table writes it. A Danish
// language without the key (lang.Danish itself has no table) has it as
// da.toml does; any other shows the key in brackets, where a test sees it.
func word(l *lang.Lang, key string) string {
	if !l.Has(key) && l.Code == lang.Danish.Code {
		if format, ok := danishWords[key]; ok {
			return format
		}
	}
	return l.T(key)
}

// percent writes a figure already formatted as a percentage: "36,8 %".
func percent(l *lang.Lang, figure string) string { return say(l, "chart.percent", figure) }
