package render

// The pages of the site in its other languages: written under the
// language's folder (en/…), and linked to their Danish pages both ways,
// by hreflang and by the visible language switch.

// siteJobs lists the Danish site's pages, then each other language's under
// its folder, and gives every page the addresses of its versions.
func (r *Renderer) siteJobs() []job {
	jobs := r.languageJobs()
	for _, v := range r.versions {
		for _, j := range v.languageJobs() {
			// Each language has its 404 page too: en/404.html, which hosts
			// serve for a missing address under en/ (see redirects).
			j.path = v.prefix + j.path
			jobs = append(jobs, j)
		}
	}
	if len(r.versions) > 0 {
		r.linkVersions(jobs)
	}
	return jobs
}

// linkVersions gives each page its versions: the pages at the same path
// in each language that has one.
func (r *Renderer) linkVersions(jobs []job) {
	langs := append([]*Renderer{r}, r.versions...)
	byURL := map[string]map[*Renderer]bool{}
	for _, j := range jobs {
		if byURL[j.data.URL] == nil {
			byURL[j.data.URL] = map[*Renderer]bool{}
		}
		byURL[j.data.URL][j.r] = true
	}
	for _, j := range jobs {
		if j.kind == "404" {
			continue
		}
		d := j.data
		d.Versions, d.Switch = nil, nil
		for _, l := range langs {
			has := byURL[d.URL][l]
			if has {
				d.Versions = append(d.Versions, l.version(d.URL))
			}
			if l != j.r {
				target := "" // the other language's front page
				if has {
					target = d.URL
				}
				d.Switch = append(d.Switch, l.version(target))
			}
		}
	}
}

// version is the page at path p in the renderer's language.
func (r *Renderer) version(p string) Version {
	href := r.basePath + p
	if r.origin != "" {
		href = r.origin + href
	}
	return Version{Lang: r.lang.Code, Name: r.lang.Name, Href: href}
}
