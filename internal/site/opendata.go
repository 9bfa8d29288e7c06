package site

import (
	"net/url"

	"report/internal/data"
	"report/internal/figures"
	"report/internal/lang"
	"report/internal/urls"
)

// openData makes the open data in l's conventions, for the version of the
// site whose pages are under basePath: every figure of every edition, from
// da and en, the data in Danish and English words with every edition. An
// edition's address is its page in this version where the version has it
// (edition says which), otherwise its Danish page.
func (s *Site) openData(da, en *data.Data, l *lang.Lang, basePath string, edition func(year int) bool) *figures.OpenData {
	o := figures.OpenDataOptions{Danish: da, English: en, Lang: l}
	if u, err := url.Parse(s.BaseURL); err == nil && u.Host != "" {
		origin := u.Scheme + "://" + u.Host
		o.Home = origin + basePath + urls.OpenData
		o.Edition = func(year int) string {
			if edition(year) {
				return origin + basePath + urls.Edition(year)
			}
			return origin + s.BasePath + urls.Edition(year)
		}
	}
	return figures.NewOpenData(o)
}
