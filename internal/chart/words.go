package chart

import (
	"errors"
	"fmt"

	"report/internal/lang"
)

// The words a chart draws and says, from the [chart] section of the
// language's table of interface strings (i18n/<code>.toml). A string that
// takes values is a format: %s is a text or a figure already written the
// language's way, and %% a percent sign.

// wordKeys are the keys of the [chart] section: every one the chart says,
// which its language must have (checkLang), in a fixed order for the cache
// key.
var wordKeys = []string{
	"chart.bar", "chart.hbar", "chart.grouped", "chart.line", "chart.share",
	"chart.intro", "chart.series", "chart.only", "chart.extremes",
	"chart.rose", "chart.fell", "chart.unchanged",
	"chart.series_rose", "chart.series_fell", "chart.series_unchanged",
	"chart.percent", "chart.share_total", "chart.shares", "chart.total",
	"chart.missing", "chart.no_figure",
}

// checkLang refuses a spec whose language cannot give the chart its words:
// none at all, or one without its table (lang.Danish itself has none) or
// with a table that lacks a key of the [chart] section. The site draws
// with the languages lang.Load read from i18n/, which have them all.
func checkLang(s Spec) error {
	if s.Lang == nil {
		return errors.New("no language: Spec.Lang is the page's language, with its interface strings (lang.Load)")
	}
	for _, key := range wordKeys {
		if !s.Lang.Has(key) {
			return fmt.Errorf("the language %q has no interface string %s; a chart takes its words from a language loaded with its table (lang.Load, i18n/%s.toml)", s.Lang.Code, key, s.Lang.Code)
		}
	}
	return nil
}

// say is the string of the key in l, with its values filled in when it
// takes any: a string that takes none is written as it is, so "%" needs no
// doubling there.
func say(l *lang.Lang, key string, args ...any) string {
	if len(args) == 0 {
		return l.T(key)
	}
	return l.Tf(key, args...)
}

// percent writes a figure already formatted as a percentage: "36,8 %".
func percent(l *lang.Lang, figure string) string { return say(l, "chart.percent", figure) }
