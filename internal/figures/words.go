package figures

import "report/internal/lang"

// The words of tables and charts come from the [table] and [figures]
// sections of the language's table of interface strings
// (i18n/<code>.toml): the language of the data the blocks are drawn from
// (data.Data.Lang, as data.In set it). A string that takes values is a
// format: %s is a text, %d a year.

// say is the string of the key in l, with its values filled in when it
// takes any: a string that takes none is written as it is, so "%" needs no
// doubling there. A key l lacks shows in brackets, where a test sees it.
func say(l *lang.Lang, key string, args ...any) string {
	if len(args) == 0 {
		return l.T(key)
	}
	return l.Tf(key, args...)
}
